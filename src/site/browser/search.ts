/**
 * Formulary — instant search in the browser, progressive enhancement. Bundled by esbuild into
 * `assets/search.js` (an IIFE: no eval, no inline code, so it runs under the site's CSP); the
 * matching is `src/search`'s own `lookupNames`, not a copy. Without JS every search form is a plain
 * GET form to /search/?q= served by the server.
 *
 * - Every `form[data-search]` becomes an ARIA 1.2 combobox (input role=combobox + listbox popup):
 *   ArrowDown/ArrowUp move, Enter opens the active option (or submits the form), Escape closes.
 * - On /search/ the page's results list (`[data-search-results]`) follows the query as you type.
 * - The names index (`/search/names.json`) is fetched on first use; an index of another version is
 *   refused (the form still submits to the server).
 * - A typo match is never shown as the answer: it reads "did you mean “…”?".
 *
 * The pure functions are published on `globalThis.FormularySearch` for tests.
 */
import type { Kind } from '../../model/index.js';
import type { NamesIndex } from '../../search/names-index.js';
import { NAMES_INDEX_VERSION } from '../../search/names-format.js';
import { normalizeName } from '../../search/normalize.js';
import { lookupNames, prepareNamesIndex, type NameMatch, type NamesLookup } from '../../search/search-names.js';

const SUGGESTIONS = 10;
const PAGE_RESULTS = 50;
const KIND_LABEL: Record<Kind, string> = { composition: 'Generic', combination: 'Combination', medicine: 'Brand' };

/** Status text, same wording as the server (src/site/search-page.tsx searchStatus). */
function statusText(query: string, count: number): string {
  const q = query.trim();
  if (q === '') return 'Type a generic name, a brand or a combination.';
  if (count === 0) return `No results for \u201c${q}\u201d.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for \u201c${q}\u201d.`;
}

/** A names index fetched from the site, checked just enough to be read (same origin, built with this code). */
function asNamesIndex(json: unknown): NamesIndex {
  const j = json as { v?: unknown; syn?: unknown; items?: unknown } | null;
  if (j === null || typeof j !== 'object' || j.v !== NAMES_INDEX_VERSION || !Array.isArray(j.items) || !Array.isArray(j.syn)) {
    throw new Error('unsupported names index');
  }
  return j as NamesIndex;
}

const lookup = (index: NamesIndex, query: string, limit: number): NamesLookup => lookupNames(index, query, { limit });

/** What tests reach through `globalThis.FormularySearch`. */
export interface BrowserSearch {
  version: number;
  normalize: (s: string) => string;
  lookup: (index: NamesIndex, query: string, limit: number) => NamesLookup;
  asNamesIndex: (json: unknown) => NamesIndex;
  statusText: (query: string, count: number) => string;
}

const api: BrowserSearch = { version: NAMES_INDEX_VERSION, normalize: normalizeName, lookup, asNamesIndex, statusText };
(globalThis as { FormularySearch?: BrowserSearch }).FormularySearch = api;

if (typeof document !== 'undefined') start();

function start(): void {
  // ---------------------------------------------------------------- data

  const indexes = new Map<string, Promise<NamesIndex>>();
  function loadIndex(url: string): Promise<NamesIndex> {
    let p = indexes.get(url);
    if (p === undefined) {
      p = fetch(url, { credentials: 'same-origin' })
        .then((r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          return r.json() as Promise<unknown>;
        })
        .then((json) => {
          const index = asNamesIndex(json);
          prepareNamesIndex(index); // while the reader is still typing the first letters
          return index;
        })
        .catch((e: unknown) => {
          indexes.delete(url);
          throw e;
        });
      indexes.set(url, p);
    }
    return p;
  }

  // ---------------------------------------------------------------- DOM helpers

  function el(tag: string, cls: string | null, text?: string): HTMLElement {
    const e = document.createElement(tag);
    if (cls !== null) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function badges(parent: HTMLElement, hit: NameMatch): void {
    parent.appendChild(document.createTextNode(' '));
    parent.appendChild(el('span', `badge badge-${hit.kind}`, KIND_LABEL[hit.kind]));
    if (hit.banned) {
      parent.appendChild(document.createTextNode(' '));
      parent.appendChild(el('span', 'badge badge-banned', 'Banned'));
    }
    genericNote(parent, hit);
  }

  /** A brand's generic or combination, as text (the suggestion itself is the link). */
  function genericNote(parent: HTMLElement, hit: NameMatch): void {
    if (hit.generic === undefined) return;
    parent.appendChild(document.createTextNode(' '));
    parent.appendChild(el('span', 'generic-of', `brand of ${hit.generic.title}`));
  }

  /** "did you mean" for a typo match, "matches" for a brand or synonym, nothing for the title itself. */
  function matchNote(parent: HTMLElement, hit: NameMatch): void {
    let text: string | null = null;
    if (hit.how === 'fuzzy') text = `did you mean \u201c${hit.matched}\u201d?`;
    else if (hit.how === 'generic') text = `generic of \u201c${hit.matched}\u201d`;
    else if (normalizeName(hit.matched) !== normalizeName(hit.title)) text = `matches \u201c${hit.matched}\u201d`;
    if (text === null) return;
    parent.appendChild(document.createTextNode(' '));
    parent.appendChild(el('span', 'matched', text));
  }

  /** A results-list item in the same markup as the server renders. */
  function resultItem(hit: NameMatch): HTMLElement {
    const li = el('li', 'result');
    const a = el('a', null, hit.title) as HTMLAnchorElement;
    a.href = hit.url;
    li.appendChild(a);
    badges(li, hit);
    matchNote(li, hit);
    return li;
  }

  // ---------------------------------------------------------------- combobox

  let uid = 0;

  function enhance(form: HTMLFormElement): void {
    const input = form.querySelector<HTMLInputElement>('input[name="q"]');
    if (input === null) return;
    const namesUrl = form.getAttribute('data-names-url') ?? '/search/names.json';
    const id = input.id !== '' ? input.id : `search-input-${++uid}`;
    input.id = id;
    const listId = `${id}-listbox`;

    const list = el('ul', 'search-listbox');
    list.id = listId;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Suggestions');
    list.hidden = true;
    form.appendChild(list);

    const live = el('p', 'visually-hidden');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    form.appendChild(live);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');

    // On /search/ the page's own form also drives the results list.
    const pageResults = input.id === 'search-q' ? document.querySelector<HTMLElement>('[data-search-results]') : null;
    const pageStatus = pageResults !== null ? document.getElementById('search-status') : null;

    let hits: NameMatch[] = [];
    let active = -1;
    let seq = 0;

    function setActive(i: number): void {
      const options = list.children;
      options[active]?.setAttribute('aria-selected', 'false');
      active = i;
      const option = options[active];
      if (active >= 0 && option !== undefined) {
        option.setAttribute('aria-selected', 'true');
        input!.setAttribute('aria-activedescendant', option.id);
        option.scrollIntoView({ block: 'nearest' });
      } else {
        input!.removeAttribute('aria-activedescendant');
      }
    }

    function close(): void {
      setActive(-1);
      list.hidden = true;
      input!.setAttribute('aria-expanded', 'false');
    }

    function open(): void {
      if (hits.length === 0) {
        close();
        return;
      }
      list.hidden = false;
      input!.setAttribute('aria-expanded', 'true');
    }

    function go(i: number): void {
      const hit = hits[i];
      if (hit !== undefined) window.location.assign(hit.url);
    }

    function renderOptions(): void {
      list.textContent = '';
      hits.forEach((hit, i) => {
        const li = el('li', 'search-option');
        li.id = `${listId}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.appendChild(el('span', 'search-option-title', hit.title));
        badges(li, hit);
        matchNote(li, hit);
        li.addEventListener('mousedown', (e) => {
          e.preventDefault(); // keep focus in the input
        });
        li.addEventListener('click', () => {
          go(i);
        });
        list.appendChild(li);
      });
      active = -1;
      input!.removeAttribute('aria-activedescendant');
    }

    function renderPage(query: string, index: NamesIndex): void {
      if (pageResults === null) return;
      const all = lookup(index, query, PAGE_RESULTS).results;
      pageResults.textContent = '';
      for (const hit of all) pageResults.appendChild(resultItem(hit));
      if (pageStatus !== null) pageStatus.textContent = statusText(query, all.length);
      const url = new URL(window.location.href);
      if (query.trim() === '') url.searchParams.delete('q');
      else url.searchParams.set('q', query);
      window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    }

    function liveText(found: NamesLookup): string {
      const n = found.results.length;
      if (n === 0) return 'No suggestions';
      const count = `${n} ${n === 1 ? 'suggestion' : 'suggestions'}`;
      return found.didYouMean !== null ? `${count}; did you mean ${found.didYouMean}?` : count;
    }

    function update(): void {
      const query = input!.value;
      const mine = ++seq;
      if (normalizeName(query) === '') {
        hits = [];
        renderOptions();
        close();
        live.textContent = '';
        if (pageResults !== null) {
          loadIndex(namesUrl).then(
            (index) => {
              if (mine === seq) renderPage(query, index);
            },
            () => {},
          );
        }
        return;
      }
      loadIndex(namesUrl).then(
        (index) => {
          if (mine !== seq) return;
          const found = lookup(index, query, SUGGESTIONS);
          hits = found.results;
          renderOptions();
          if (document.activeElement === input) open();
          live.textContent = liveText(found);
          renderPage(query, index);
        },
        () => {
          // No index: the form still submits to the server.
          hits = [];
          close();
        },
      );
    }

    input.addEventListener('input', update);
    input.addEventListener('focus', () => {
      loadIndex(namesUrl).catch(() => {});
      if (hits.length > 0 && normalizeName(input.value) !== '') open();
    });
    input.addEventListener('keydown', (e) => {
      const expanded = !list.hidden;
      switch (e.key) {
        case 'ArrowDown':
          e.preventDefault();
          if (!expanded) open();
          if (hits.length > 0) setActive(active + 1 >= hits.length ? 0 : active + 1);
          break;
        case 'ArrowUp':
          e.preventDefault();
          if (!expanded) open();
          if (hits.length > 0) setActive(active - 1 < 0 ? hits.length - 1 : active - 1);
          break;
        case 'Enter':
          if (expanded && active >= 0) {
            e.preventDefault();
            go(active);
          }
          break;
        case 'Escape':
          if (expanded) {
            e.preventDefault();
            close();
          }
          break;
        default:
      }
    });
    input.addEventListener('blur', () => {
      close();
    });

    // A query already in the box (server-rendered /search/?q=… or back/forward cache): prepare suggestions quietly.
    if (normalizeName(input.value) !== '' && pageResults === null) {
      loadIndex(namesUrl).then(
        (index) => {
          hits = lookup(index, input.value, SUGGESTIONS).results;
          renderOptions();
        },
        () => {},
      );
    }
  }

  // ---------------------------------------------------------------- print: open collapsed sections

  let reopened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    document.querySelectorAll<HTMLDetailsElement>('details:not([open])').forEach((d) => {
      d.open = true;
      reopened.push(d);
    });
  });
  window.addEventListener('afterprint', () => {
    for (const d of reopened) d.open = false;
    reopened = [];
  });

  function init(): void {
    document.querySelectorAll<HTMLFormElement>('form[data-search]').forEach(enhance);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
}
