import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, cleanTexts, COMBINATION, only, replaceOnce, VELBUTAMIDE, withDefect, ZORALTINIB } from './helpers/check.js';

const CODE = 'section-required-missing';

test(`${CODE}: silent on the clean fixtures (rich and minimal formats)`, () => {
  assert.deepEqual(only(check(cleanTexts()), CODE), []);
});

test(`${CODE}: a minimal page without its Dosage section`, () => {
  const texts = withDefect(VELBUTAMIDE, (t) => replaceOnce(t, /### Dosage\n[\s\S]*?(?=### Side Effects)/, ''));
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.message, 'The page has no Dosage section, which every page in the minimal format has.');
  assert.equal(found[0]!.file, VELBUTAMIDE);
});

test(`${CODE}: a rich page without Contraindications and FAQs, listed in one finding`, () => {
  const texts = withDefect(ZORALTINIB, (t) =>
    replaceOnce(replaceOnce(t, /## Contraindications\n[\s\S]*?(?=## Drug Interactions)/, ''), /## FAQs\n[\s\S]*$/, ''),
  );
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.message, 'The page has no Contraindications and FAQs sections, which every page in the rich format has.');
});

test(`${CODE}: a combination page that says it is not a product is not asked for sections`, () => {
  const texts = withDefect(COMBINATION, (t) =>
    replaceOnce(t, /## Dosage\n[\s\S]*?(?=## Side Effects)/, 'Please note: this combination is not a standard, commercially available formulation.\n\n'),
  );
  assert.equal(only(check(texts), 'combination-not-a-product').length, 1);
  assert.deepEqual(only(check(texts), CODE), []);
});
