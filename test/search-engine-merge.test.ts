import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeTiers, type TextHit } from '../src/search/engine/index.js';
import type { MatchHow, NameMatch, NamesLookup } from '../src/search/index.js';

const name = (slug: string, how: MatchHow, matched = slug, extra: Partial<NameMatch> = {}): NameMatch => ({
  item: { t: slug, u: `/composition/${slug}/`, k: 'composition', n: [slug], b: 0 } as unknown as NameMatch['item'],
  slug,
  kind: 'composition',
  title: slug,
  url: `/composition/${slug}/`,
  banned: false,
  matched,
  score: 1,
  how,
  ...extra,
});
const text = (slug: string): TextHit => ({ slug, kind: 'composition', title: slug, url: `/composition/${slug}/`, banned: false, matched: 'usage', snippet: `<mark>${slug}</mark>` });
const lookup = (results: NameMatch[], didYouMean: string | null = null): NamesLookup => ({ results, didYouMean });

test('tiers: exact/synonym/combination, then prefix, then text, then fuzzy — whatever order the inputs come in', () => {
  const r = mergeTiers({
    names: lookup([name('fuzzy1', 'fuzzy', 'fuzzy1', { distance: 1 }), name('pre', 'prefix'), name('syn', 'synonym', 'acetaminophen', { synonymSource: 'INN/USAN' }), name('ex', 'exact')]),
    text: [text('t1'), text('t2')],
    limit: 10,
  });
  assert.deepEqual(r.results.map((h) => h.slug), ['syn', 'ex', 'pre', 't1', 't2', 'fuzzy1']);
  assert.equal(r.didYouMean, null, 'no "did you mean" when a real match is first');
  for (let i = 1; i < r.results.length; i++) assert.ok(r.results[i - 1]!.score >= r.results[i]!.score, 'scores do not increase');
  assert.equal(r.results[0]!.synonymSource, 'INN/USAN');
  assert.equal(r.results.at(-1)!.distance, 1);
  assert.equal(r.results[3]!.how, 'text');
  assert.equal(r.results[3]!.snippet, '<mark>t1</mark>');
});

test('a page found by both tiers appears once, at its better tier', () => {
  const r = mergeTiers({ names: lookup([name('a', 'prefix')]), text: [text('b'), text('a')], limit: 10 });
  assert.deepEqual(r.results.map((h) => [h.slug, h.how]), [['a', 'prefix'], ['b', 'text']]);
});

test('a fuzzy best hit is offered as "did you mean", never as the answer', () => {
  const r = mergeTiers({ names: lookup([name('paracetamol', 'fuzzy', 'Paracetamol', { distance: 1 })], 'Paracetamol'), text: [], limit: 5 });
  assert.equal(r.results[0]!.how, 'fuzzy');
  assert.equal(r.didYouMean, 'Paracetamol');
});

test('limit cuts the merged list', () => {
  const r = mergeTiers({ names: lookup([name('a', 'exact'), name('b', 'prefix')]), text: [text('c'), text('d')], limit: 3 });
  assert.deepEqual(r.results.map((h) => h.slug), ['a', 'b', 'c']);
});

test("a brand's generic (how 'generic') ranks first among the names starting with the query, above the text; after the text for an abbreviation", () => {
  const names = lookup([name('crocin-650', 'exact'), name('other', 'exact'), name('paracetamol', 'generic', 'Crocin 650'), name('crocin-advance', 'prefix')]);
  const r = mergeTiers({ names, text: [text('t1')], limit: 10 });
  assert.deepEqual(r.results.map((h) => [h.slug, h.how]), [['crocin-650', 'exact'], ['other', 'exact'], ['paracetamol', 'generic'], ['crocin-advance', 'prefix'], ['t1', 'text']]);
  const abbreviation = mergeTiers({ names, text: [text('t1')], limit: 10, textFirst: true });
  assert.deepEqual(abbreviation.results.map((h) => h.slug), ['crocin-650', 'other', 't1', 'paracetamol', 'crocin-advance']);
});
