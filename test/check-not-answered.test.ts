import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, cleanTexts, COMBINATION, lineOf, only, replaceOnce, withDefect, ZORALTINIB } from './helpers/check.js';

test('model-could-not-answer and combination-not-a-product: silent on the clean fixtures', () => {
  const f = check(cleanTexts());
  assert.deepEqual(only(f, 'model-could-not-answer'), []);
  assert.deepEqual(only(f, 'combination-not-a-product'), []);
});

test('model-could-not-answer: a writer that could not answer, on any page', () => {
  const texts = withDefect(ZORALTINIB, (t) =>
    replaceOnce(t, '## Drug Interactions\n\n', "## Drug Interactions\n\nI'm sorry, but I don't have specific information about interactions of this medication.\n\n"),
  );
  const found = only(check(texts), 'model-could-not-answer');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.line, lineOf(texts.get(ZORALTINIB) as string, "I'm sorry"));
  assert.equal(found[0]!.message, 'The page says the writer could not answer: "I\'m sorry, but I don\'t have specific information about interactions of this medication."');
});

test('combination-not-a-product: wordings the loader knows keep its finding; others are found by the check, once', () => {
  const loader = withDefect(COMBINATION, (t) =>
    replaceOnce(t, '## Usage\n\n', '## Usage\n\nI cannot provide information on this combination. It is not a recognized or approved pharmaceutical formulation.\n\n'),
  );
  const a = check(loader);
  assert.equal(only(a, 'combination-not-a-product').length, 1);
  assert.deepEqual(only(a, 'model-could-not-answer'), [], 'the same line is not reported twice');
  const extra = withDefect(COMBINATION, (t) => replaceOnce(t, '## Usage\n\n', '## Usage\n\nPlease note: this is **not** a standard, commercially available generic medicine.\n\n'));
  const b = only(check(extra), 'combination-not-a-product');
  assert.equal(b.length, 1);
  assert.equal(b[0]!.line, lineOf(extra.get(COMBINATION) as string, 'Please note'));
  const route = withDefect(COMBINATION, (t) => replaceOnce(t, '## Usage\n\n', '## Usage\n\nIntravenous administration is not typical for this combination.\n\n'));
  assert.deepEqual(only(check(route), 'combination-not-a-product'), [], 'a sentence about the route is not about the product');
});
