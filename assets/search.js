/* Formulary — instant search, progressive enhancement. Vanilla JS, no dependencies, CSP-safe (no eval,
   no inline styles). Without JS every search form is a plain GET form to /search/?q= served by the server.

   - Every `form[data-search]` becomes an ARIA 1.2 combobox (input role=combobox + listbox popup):
     ArrowDown/ArrowUp move, Enter opens the active option (or submits the form), Escape closes.
   - On /search/ the page's results list (`[data-search-results]`) follows the query as you type.
   - The names index (`/search/names.json`, {"v":1,"items":[{t,u,k,n,d?,b}]}) is fetched on first use.
   - Matching mirrors src/search (normalizeName + searchNames): exact > prefix > word-prefix, then the
     shorter name, then the page's own title, then title, then URL.

   The pure functions are exported on `globalThis.FormularySearch` for tests. */
(function () {
  'use strict';

  var TRADEMARKS = /[\u2122\u00AE\u00A9\u2120]/g;
  var MARKS = /\p{M}/gu;
  var NON_ALNUM = /[^a-z0-9]+/g;
  var MAX_QUERY = 200;
  var SUGGESTIONS = 10;
  var PAGE_RESULTS = 50;
  var KIND_LABEL = { composition: 'Generic', combination: 'Combination', medicine: 'Brand' };

  /** Same as src/search/normalize.ts normalizeName. */
  function normalize(s) {
    return String(s).replace(TRADEMARKS, '').normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NON_ALNUM, ' ').trim();
  }

  function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Best matches of `query` in the index items: [{ item, matched, rank }]. */
  function search(items, query, limit) {
    var q = normalize(String(query).slice(0, MAX_QUERY));
    if (q === '' || !(limit > 0)) return [];
    var wordQ = ' ' + q;
    var hits = [];
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      var names = it.n;
      var bestRank = 0;
      var bestName = -1;
      var bestLen = 0;
      for (var j = 0; j < names.length; j++) {
        var n = names[j];
        var rank = 0;
        if (n.length >= q.length && n.charCodeAt(0) === q.charCodeAt(0) && n.startsWith(q)) rank = n.length === q.length ? 3 : 2;
        else if (n.indexOf(wordQ) !== -1) rank = 1;
        if (rank === 0) continue;
        if (rank > bestRank || (rank === bestRank && n.length < bestLen)) {
          bestRank = rank;
          bestName = j;
          bestLen = n.length;
        }
      }
      if (bestRank > 0) hits.push({ item: it, rank: bestRank, name: bestName, len: bestLen });
    }
    hits.sort(function (a, b) {
      return (
        b.rank - a.rank ||
        a.len - b.len ||
        Number(a.name !== 0) - Number(b.name !== 0) ||
        cmp(a.item.t, b.item.t) ||
        cmp(a.item.u, b.item.u)
      );
    });
    return hits.slice(0, limit).map(function (h) {
      var d = h.item.d;
      return { item: h.item, matched: (d && d[h.name]) || h.item.n[h.name], rank: h.rank };
    });
  }

  /** Status text, same wording as the server (src/site/search-page.tsx searchStatus). */
  function statusText(query, count) {
    var q = String(query).trim();
    if (q === '') return 'Type a generic name, a brand or a combination.';
    if (count === 0) return 'No results for \u201c' + q + '\u201d.';
    return count + (count === 1 ? ' result' : ' results') + ' for \u201c' + q + '\u201d.';
  }

  var api = { normalize: normalize, search: search, statusText: statusText };
  globalThis.FormularySearch = api;
  if (typeof document === 'undefined') return;

  // ------------------------------------------------------------------ data

  var indexes = {};
  function loadIndex(url) {
    if (!indexes[url]) {
      indexes[url] = fetch(url, { credentials: 'same-origin' })
        .then(function (r) {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.json();
        })
        .then(function (j) {
          if (!j || j.v !== 1 || !Array.isArray(j.items)) throw new Error('unsupported names index');
          return j.items;
        })
        .catch(function (e) {
          delete indexes[url];
          throw e;
        });
    }
    return indexes[url];
  }

  // ------------------------------------------------------------------ DOM helpers

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function badges(parent, item) {
    parent.appendChild(document.createTextNode(' '));
    parent.appendChild(el('span', 'badge badge-' + item.k, KIND_LABEL[item.k] || item.k));
    if (item.b === 1) {
      parent.appendChild(document.createTextNode(' '));
      parent.appendChild(el('span', 'badge badge-banned', 'Banned'));
    }
  }

  function showsMatched(hit) {
    return normalize(hit.matched) !== normalize(hit.item.t);
  }

  /** A results-list item in the same markup as the server renders. */
  function resultItem(hit) {
    var li = el('li', 'result');
    var a = el('a', null, hit.item.t);
    a.href = hit.item.u;
    li.appendChild(a);
    badges(li, hit.item);
    if (showsMatched(hit)) {
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('span', 'matched', 'matches \u201c' + hit.matched + '\u201d'));
    }
    return li;
  }

  // ------------------------------------------------------------------ combobox

  var uid = 0;

  function enhance(form) {
    var input = form.querySelector('input[name="q"]');
    if (!input) return;
    var namesUrl = form.getAttribute('data-names-url') || '/search/names.json';
    var id = input.id || 'search-input-' + ++uid;
    input.id = id;
    var listId = id + '-listbox';

    var list = el('ul', 'search-listbox');
    list.id = listId;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Suggestions');
    list.hidden = true;
    form.appendChild(list);

    var live = el('p', 'visually-hidden');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    form.appendChild(live);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');

    // On /search/ the page's own form also drives the results list.
    var pageResults = input.id === 'search-q' ? document.querySelector('[data-search-results]') : null;
    var pageStatus = pageResults ? document.getElementById('search-status') : null;

    var hits = [];
    var active = -1;
    var seq = 0;

    function setActive(i) {
      var options = list.children;
      if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
      active = i;
      if (active >= 0 && options[active]) {
        options[active].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[active].id);
        options[active].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    }

    function open() {
      if (hits.length === 0) return close();
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function go(i) {
      var hit = hits[i];
      if (hit) window.location.assign(hit.item.u);
    }

    function renderOptions() {
      list.textContent = '';
      hits.forEach(function (hit, i) {
        var li = el('li', 'search-option');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.appendChild(el('span', 'search-option-title', hit.item.t));
        badges(li, hit.item);
        if (showsMatched(hit)) {
          li.appendChild(document.createTextNode(' '));
          li.appendChild(el('span', 'matched', 'matches \u201c' + hit.matched + '\u201d'));
        }
        li.addEventListener('mousedown', function (e) {
          e.preventDefault(); // keep focus in the input
        });
        li.addEventListener('click', function () {
          go(i);
        });
        list.appendChild(li);
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
    }

    function renderPage(query, items) {
      if (!pageResults) return;
      var all = search(items, query, PAGE_RESULTS);
      pageResults.textContent = '';
      all.forEach(function (hit) {
        pageResults.appendChild(resultItem(hit));
      });
      if (pageStatus) pageStatus.textContent = statusText(query, all.length);
      var url = new URL(window.location.href);
      if (query.trim() === '') url.searchParams.delete('q');
      else url.searchParams.set('q', query);
      window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    }

    function update() {
      var query = input.value;
      var mine = ++seq;
      if (normalize(query) === '') {
        hits = [];
        renderOptions();
        close();
        live.textContent = '';
        if (pageResults) loadIndex(namesUrl).then(function (items) {
          if (mine === seq) renderPage(query, items);
        }, function () {});
        return;
      }
      loadIndex(namesUrl).then(
        function (items) {
          if (mine !== seq) return;
          hits = search(items, query, SUGGESTIONS);
          renderOptions();
          if (document.activeElement === input) open();
          live.textContent = hits.length === 0 ? 'No suggestions' : hits.length + (hits.length === 1 ? ' suggestion' : ' suggestions');
          renderPage(query, items);
        },
        function () {
          // No index: the form still submits to the server.
          hits = [];
          close();
        },
      );
    }

    input.addEventListener('input', update);
    input.addEventListener('focus', function () {
      loadIndex(namesUrl).catch(function () {});
      if (hits.length > 0 && normalize(input.value) !== '') open();
    });
    input.addEventListener('keydown', function (e) {
      var expanded = !list.hidden;
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
    input.addEventListener('blur', function () {
      close();
    });

    // A query already in the box (server-rendered /search/?q=… or back/forward cache): prepare suggestions quietly.
    if (normalize(input.value) !== '' && pageResults === null) {
      loadIndex(namesUrl).then(function (items) {
        hits = search(items, input.value, SUGGESTIONS);
        renderOptions();
      }, function () {});
    }
  }

  // ------------------------------------------------------------------ print: open collapsed sections

  var reopened = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) {
      d.open = true;
      reopened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    reopened.forEach(function (d) {
      d.open = false;
    });
    reopened = [];
  });

  function init() {
    document.querySelectorAll('form[data-search]').forEach(enhance);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
