import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regeneratedDescription } from '../src/check/fix/description-fix.js';
import { check, cleanTexts, contentOf, only, replaceOnce, withDefect, ZORALTINIB } from './helpers/check.js';

const CODE = 'description-damaged';
const DESCRIPTION = 'description: Zoraltinib is prescribed for adults with chronic plaque psoriasis that has not responded to treatment applied to the skin.';

test(`${CODE}: silent on the clean fixtures`, () => {
  assert.deepEqual(only(check(cleanTexts()), CODE), []);
});

test(`${CODE}: the loader's damage (leading "- ", "...", a bare lead-in) keeps the loader's finding`, () => {
  for (const [bad, why] of [
    ["description: '- Zoraltinib is prescribed for adults with chronic plaque psoriasis.'", 'it starts with a list marker'],
    ["description: 'Zoraltinib is prescribed for adults with chronic plaque psoriasis that has not resp...'", 'it is cut off and ends with "..."'],
    ["description: 'Zoraltinib is prescribed for the treatment of:'", 'it stops before saying what the drug is for'],
  ] as const) {
    const found = only(check(withDefect(ZORALTINIB, (t) => replaceOnce(t, DESCRIPTION, bad))), CODE);
    assert.equal(found.length, 1, bad);
    assert.equal(found[0]!.message, `The frontmatter description was not usable (${why}); it was regenerated from Usage.`);
    assert.deepEqual([found[0]!.line, found[0]!.endLine, found[0]!.path], [3, 3, 'description']);
    assert.equal(found[0]!.fixable, true);
  }
});

test(`${CODE}: cut inside a word or a sentence of Usage without any mark (found by the check)`, () => {
  const word = only(check(withDefect(ZORALTINIB, (t) => replaceOnce(t, DESCRIPTION, 'description: Zoraltinib is prescribed for adults with chronic plaque psor'))), CODE);
  assert.equal(word[0]?.message, 'The frontmatter description is cut off (it stops inside the word "psoriasis" of the Usage text).');
  const sentence = only(check(withDefect(ZORALTINIB, (t) => replaceOnce(t, DESCRIPTION, 'description: Zoraltinib is prescribed for adults with chronic plaque psoriasis'))), CODE);
  assert.equal(sentence[0]?.message, 'The frontmatter description is cut off (it stops in the middle of a sentence of the Usage text).');
});

test('the regenerated description is whole sentences of Usage, never cut', () => {
  const m = contentOf(cleanTexts()).files.find((f) => f.file === ZORALTINIB)!.result.monograph!;
  // Both sentences fit in 160 characters; a third would not.
  assert.equal(regeneratedDescription(m), 'Zoraltinib is prescribed for adults with chronic plaque psoriasis that has not responded to treatment applied to the skin. It is taken by mouth once a day.');
});
