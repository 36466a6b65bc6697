import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeName, searchNames, type NamesIndex, type NamesItem } from '../src/search/index.js';

interface BrowserSearch {
  normalize(s: string): string;
  search(items: readonly NamesItem[], query: string, limit: number): { item: NamesItem; matched: string; rank: number }[];
  statusText(query: string, count: number): string;
}

// assets/search.js is a classic browser script; in Node it only publishes its pure functions.
await import(new URL('../assets/search.js', import.meta.url).href);
const js = (globalThis as unknown as { FormularySearch: BrowserSearch }).FormularySearch;

const item = (t: string, names: string[], k: NamesItem['k'] = 'composition', b: 0 | 1 = 0): NamesItem => {
  const n = [...new Set(names.map(normalizeName).filter((x) => x !== ''))];
  return { t, u: `/composition/${normalizeName(t).replace(/ /g, '-')}/`, k, n, d: n.map((x) => names.find((y) => normalizeName(y) === x) ?? x), b };
};

describe('assets/search.js', () => {
  it('normalizes like the engine', () => {
    for (const s of ['Acétaminophène', "Ringer's Lactate", 'Alzumab-L™', '  MG/M²  ', 'Ÿ-ß', 'β-Carotene', '']) {
      assert.equal(js.normalize(s), normalizeName(s), s);
    }
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => js.normalize(s) === normalizeName(s)));
  });

  it('ranks exact > prefix > word-prefix, shorter first, and reports the matched display name', () => {
    const items = [
      item('Paracetamol + Caffeine', ['Paracetamol + Caffeine', 'Paracetamol', 'Caffeine']),
      item('Paracetamol', ['Paracetamol', 'Crocin', 'Dolo 650']),
      item('Alemtuzumab', ['Alemtuzumab', 'Campath', 'Lemtrada'], 'composition', 1),
      item('Campath 30mg', ['Campath 30mg'], 'medicine'),
    ];
    assert.deepEqual(
      js.search(items, 'paracetamol', 10).map((h) => [h.item.t, h.rank]),
      [
        ['Paracetamol', 3],
        ['Paracetamol + Caffeine', 3],
      ],
    );
    const camp = js.search(items, 'CAMP', 10);
    assert.deepEqual(
      camp.map((h) => [h.item.t, h.matched]),
      [
        ['Alemtuzumab', 'Campath'],
        ['Campath 30mg', 'Campath 30mg'],
      ],
    );
    assert.deepEqual(js.search(items, '650', 10).map((h) => [h.item.t, h.matched, h.rank]), [['Paracetamol', 'Dolo 650', 1]]);
    assert.deepEqual(js.search(items, '', 10), []);
    assert.equal(js.search(items, 'c', 2).length, 2);
    assert.equal(js.search(items, 'c', 10).length, 4);
  });

  it('returns the same results as the server (src/search searchNames)', () => {
    const word = fc.stringMatching(/^[a-c]{1,3}$/);
    const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const items = fc.array(fc.array(name, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }).map((all) =>
      all.map((names, i) => ({ ...item(`T${i} ${names[0]}`, names), u: `/composition/t${i}/` })),
    );
    fc.assert(
      fc.property(items, fc.stringMatching(/^[a-c ]{0,4}$/), fc.integer({ min: 1, max: 10 }), (its, q, limit) => {
        const index: NamesIndex = { v: 1, items: its };
        const server = searchNames(index, q, limit).map((m) => [m.item.u, m.matched]);
        const browser = js.search(its, q, limit).map((h) => [h.item.u, h.matched]);
        assert.deepEqual(browser, server);
      }),
      { numRuns: 500 },
    );
  });

  it('writes the same status line as the server', async () => {
    const { searchStatus } = await import('../src/site/search-page.js');
    for (const [q, n] of [['', 0], ['x', 0], ['x', 1], ['para', 7]] as const) assert.equal(js.statusText(q, n), searchStatus(q, n));
  });
});
