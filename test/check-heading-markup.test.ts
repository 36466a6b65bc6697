import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, cleanTexts, lineOf, only, replaceOnce, withDefect, ZORALTINIB } from './helpers/check.js';

const CODE = 'heading-markup';

test(`${CODE}: silent on the clean fixtures (plain headings)`, () => {
  assert.deepEqual(only(check(cleanTexts()), CODE), []);
});

test(`${CODE}: bold and trailing-colon headings, once per file, spanning them`, () => {
  const texts = withDefect(ZORALTINIB, (t) => replaceOnce(replaceOnce(t, '## Usage\n', '## **Usage**\n'), '#### Children\n', '#### **Children:**\n'));
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  const text = texts.get(ZORALTINIB) as string;
  assert.deepEqual([found[0]!.line, found[0]!.endLine], [lineOf(text, '## **Usage**'), lineOf(text, '#### **Children:**')]);
  assert.equal(found[0]!.message, '2 headings are written with bold markup or a trailing colon (first: `## **Usage**`, plain: `## Usage`).');
  assert.equal(found[0]!.severity, 'info');
  assert.equal(found[0]!.fixable, true);
});

test(`${CODE}: FAQ questions and headings with text after the label are left alone`, () => {
  const texts = withDefect(ZORALTINIB, (t) =>
    replaceOnce(replaceOnce(t, '### Q1: What is the usual dose of Zoraltinib?', '### **Q1: What is the usual dose of Zoraltinib?**'), '### Dosage Adjustments\n', '### **Dosage Adjustments:** see below.\n'),
  );
  assert.deepEqual(only(check(texts), CODE), []);
});
