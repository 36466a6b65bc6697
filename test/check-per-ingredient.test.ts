import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, cleanTexts, COMBINATION, lineOf, only, replaceOnce, withDefect } from './helpers/check.js';

const CODE = 'combination-per-ingredient';

test(`${CODE}: silent on the clean fixtures`, () => {
  assert.deepEqual(only(check(cleanTexts()), CODE), []);
});

test(`${CODE}: a combination described ingredient by ingredient`, () => {
  const texts = withDefect(COMBINATION, (t) =>
    replaceOnce(t, /## Dosage\n[\s\S]*?(?=## Side Effects)/, '## Velbutamide Dosage\n\n- 10 mg/kg every 2 weeks.\n\n## Zoraltinib Dosage\n\n- 50 mg once daily.\n\n'),
  );
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.line, lineOf(texts.get(COMBINATION) as string, '## Velbutamide Dosage'));
  assert.equal(found[0]!.message, '"Velbutamide + Zoraltinib" is described ingredient by ingredient (Velbutamide, Zoraltinib) rather than as one product, but it is published as one product page.');
});
