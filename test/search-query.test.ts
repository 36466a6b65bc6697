import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalizeName, parseQuery } from '../src/search/index.js';

test('parseQuery splits combinations at every separator', () => {
  const amox = [['amoxicillin'], ['clavulanic', 'acid']];
  for (const q of [
    'Amoxicillin + Clavulanic acid',
    'amoxicillin+clavulanic acid',
    'amoxicillin and clavulanic acid',
    'amoxicillin AND clavulanic acid',
    'amoxicillin / clavulanic acid',
    'amoxicillin/clavulanic acid',
    'amoxicillin, clavulanic acid',
    'amoxicillin & clavulanic acid',
    'amoxicillin with clavulanic acid',
    'Amoxicillin ＋ Clavulanic Acid', // full-width plus
    ' + amoxicillin ++ clavulanic acid , ',
  ]) {
    assert.deepEqual(parseQuery(q).parts, amox, q);
  }
  // Spaces alone keep one part: the matcher splits it where the names allow.
  assert.deepEqual(parseQuery('paracetamol caffeine').parts, [['paracetamol', 'caffeine']]);
  assert.deepEqual(parseQuery('a with b and c/d').parts, [['a'], ['b'], ['c'], ['d']]);
  assert.deepEqual(parseQuery('and with').parts, []);
});

test('parseQuery keeps the whole query as one normalized text', () => {
  assert.deepEqual(parseQuery('Hylan Polymers A and B'), { text: 'hylan polymers a and b', parts: [['hylan', 'polymers', 'a'], ['b']] });
  assert.equal(parseQuery('Amlodipine/Telmisartan').text, 'amlodipine telmisartan');
  assert.equal(parseQuery('Acétaminophène').text, 'acetaminophene');
  assert.deepEqual(parseQuery('  ™ - !'), { text: '', parts: [] });
  // Only the first 200 characters count.
  assert.equal(parseQuery('x'.repeat(300)).text.length, 200);
});

test('property: the parts are the words of the text without separator words', () => {
  const unit = fc.constantFrom('a', 'b', 'É', ' ', '+', '/', ',', '&', 'and', 'with', '-', '™', '＋', 'ﬁ');
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 20 }).map((u) => u.join('')), (q) => {
      const { text, parts } = parseQuery(q);
      assert.equal(text, normalizeName(q));
      const words = text === '' ? [] : text.split(' ').filter((w) => w !== 'and' && w !== 'with');
      assert.deepEqual(parts.flat(), words);
      for (const p of parts) assert.ok(p.length > 0);
    }),
  );
});
