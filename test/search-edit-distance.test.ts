import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { editDistance, typoBudget } from '../src/search/index.js';
import { forEachWordWithin, hasWord, vocabularyOf } from '../src/search/fuzzy-words.js';

/** The textbook full-matrix optimal string alignment distance. */
function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

test('editDistance: substitutions, insertions, deletions and transpositions cost one each', () => {
  assert.equal(editDistance('paracetamol', 'paracetamol'), 0);
  assert.equal(editDistance('paracetamol', 'paracetmol'), 1); // deletion
  assert.equal(editDistance('paracetamol', 'paracetamool'), 1); // insertion
  assert.equal(editDistance('paracetamol', 'paracetanol'), 1); // substitution
  assert.equal(editDistance('paracetamol', 'paracetmaol'), 1); // transposition
  assert.equal(editDistance('cetirizine', 'cetrizine'), 1);
  assert.equal(editDistance('amoxicillin', 'amoxycilin'), 2);
  assert.equal(editDistance('ca', 'abc'), 3); // optimal string alignment: no edit of a transposed pair
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('abc', ''), 3);
});

test('editDistance with a bound answers max + 1 for anything farther', () => {
  assert.equal(editDistance('tazocin', 'pentazocine', 2), 3);
  assert.equal(editDistance('dolo', 'bopindolol', 1), 2);
  assert.equal(editDistance('abcd', 'abdc', 1), 1);
  assert.equal(editDistance('abcd', 'abce', 0), 1);
  assert.equal(editDistance('abcd', 'abcd', 0), 0);
});

test('property: editDistance equals the full-matrix reference, with and without a bound', () => {
  const s = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
  fc.assert(
    fc.property(s, s, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
      const full = reference(a, b);
      assert.equal(editDistance(a, b), full);
      assert.equal(editDistance(a, b, max), full <= max ? full : max + 1);
    }),
    { numRuns: 2000 },
  );
});

test('typoBudget: none below 4 letters or with digits, 1 for 4–7, 2 from 8', () => {
  assert.deepEqual(['abc', 'dolo', 'crocin', 'tazocin', 'tazocine', 'paracetamol', '650', 'b12', 'dolo650'].map(typoBudget), [0, 1, 1, 1, 2, 2, 0, 0, 0]);
});

test('property: forEachWordWithin finds exactly the words a linear scan finds', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 8 });
  fc.assert(
    fc.property(fc.array(word, { maxLength: 80 }), word, fc.integer({ min: 0, max: 3 }), (words, q, max) => {
      const vocab = vocabularyOf(words);
      const got: [string, number][] = [];
      forEachWordWithin(vocab, q, max, (w, d) => got.push([w, d]));
      const want = [...new Set(words)]
        .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
        .flatMap((w): [string, number][] => {
          const d = reference(q, w);
          return d <= max ? [[w, d]] : [];
        });
      assert.deepEqual(got, want);
      for (const w of words) assert.ok(hasWord(vocab, w));
      assert.equal(hasWord(vocab, q), words.includes(q));
    }),
    { numRuns: 2000 },
  );
});
