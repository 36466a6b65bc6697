import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, cleanTexts, lineOf, only, replaceOnce, withDefect, ZORALTINIB } from './helpers/check.js';

const CODE = 'section-empty';

test(`${CODE}: silent on the clean fixtures`, () => {
  assert.deepEqual(only(check(cleanTexts()), CODE), []);
});

test(`${CODE}: a subsection heading with nothing under it`, () => {
  const texts = withDefect(ZORALTINIB, (t) => replaceOnce(t, '#### Children\n\n- Not established in children under 18 years.\n', '#### **Children:**\n\n'));
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  const line = lineOf(texts.get(ZORALTINIB) as string, '#### **Children:**');
  assert.deepEqual([found[0]!.line, found[0]!.column, found[0]!.endLine], [line, 1, line]);
  assert.equal(found[0]!.message, 'The subsection "Children" of "Dosage" has no text.');
});

test(`${CODE}: a section heading followed directly by the next section`, () => {
  const texts = withDefect(ZORALTINIB, (t) => replaceOnce(t, /## Drug Interactions\n[\s\S]*?(?=## Pregnancy)/, '## Drug Interactions\n\n'));
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.message, 'The section "Drug Interactions" has no text.');
});

test(`${CODE}: a heading with its text on the same line is not empty`, () => {
  const texts = withDefect(ZORALTINIB, (t) => replaceOnce(t, '#### Children\n\n- Not established in children under 18 years.\n', '#### **Children:** Not established in children.\n'));
  assert.deepEqual(only(check(texts), CODE), []);
});
