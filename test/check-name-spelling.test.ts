import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSpellingVariant } from '../src/check/rules/name-spelling.js';
import { check, cleanTexts, lineOf, only, replaceOnce, withDefect, ZORALTINIB } from './helpers/check.js';

const CODE = 'name-spelled-two-ways';

test(`${CODE}: silent on the clean fixtures`, () => {
  assert.deepEqual(only(check(cleanTexts()), CODE), []);
});

test(`${CODE}: a one-letter variant of the title's name, at its first place`, () => {
  const texts = withDefect(ZORALTINIB, (t) => replaceOnce(t, '- Zoraltinib blocks a kinase', '- Zoraltanib blocks a kinase'));
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  const line = lineOf(texts.get(ZORALTINIB) as string, 'Zoraltanib blocks');
  assert.deepEqual([found[0]!.line, found[0]!.column, found[0]!.endColumn], [line, 3, 3 + 'Zoraltanib'.length]);
  assert.match(found[0]!.message, /^The drug's name is written "Zoraltanib" here \(1×\) but "Zoraltinib" in the title \(\d+× more on the page\); one of the spellings is wrong\.$/);
});

test(`${CODE}: a misspelt title is found from the body's spelling (Ozogamacin / ozogamicin)`, () => {
  const texts = withDefect(ZORALTINIB, (t) => replaceOnce(t, 'title: Zoraltinib\n', 'title: Zoraltinab\n'));
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.message, 'The drug\'s name is written "Zoraltinib" here (12×) but "Zoraltinab" in the title; one of the spellings is wrong.');
});

test(`${CODE}: other names listed on purpose, endings and other drugs are not misspellings`, () => {
  const listed = withDefect(ZORALTINIB, (t) => replaceOnce(t, '- **Brand Name:** Zoral™', '- **Brand Name:** Zoral™\n- Also known as Zoraltinibum and Zoraltenib in older texts.'));
  assert.deepEqual(only(check(listed), CODE), []);
  assert.equal(isSpellingVariant('ozogamacin', 'ozogamicin'), true);
  assert.equal(isSpellingVariant('lactase', 'lactose'), false);
  assert.equal(isSpellingVariant('asparaginase', 'asparagine'), false);
  assert.equal(isSpellingVariant('benazepril', 'benazeprilat'), false);
  assert.equal(isSpellingVariant('sulphacetamide', 'sulfacetamide'), false);
});
