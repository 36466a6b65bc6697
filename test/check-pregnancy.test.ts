import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, cleanTexts, lineOf, only, replaceOnce, withDefect, ZORALTINIB } from './helpers/check.js';

const CODE = 'pregnancy-contradiction';

test(`${CODE}: silent on the clean fixtures (only "contraindicated" statements)`, () => {
  assert.deepEqual(only(check(cleanTexts()), CODE), []);
});

test(`${CODE}: "safe during pregnancy" on a page that says "contraindicated in pregnancy"`, () => {
  const texts = withDefect(ZORALTINIB, (t) => replaceOnce(t, '- Check liver function before starting', '- Zoraltinib is generally considered safe during pregnancy.\n- Check liver function before starting'));
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  const text = texts.get(ZORALTINIB) as string;
  assert.equal(found[0]!.line, lineOf(text, 'considered safe during pregnancy'));
  assert.equal(found[0]!.related[0]?.line, lineOf(text, 'contraindicated in pregnancy because it can cause fetal harm'));
});

test(`${CODE}: negated, hedged, trimester-limited and question sentences are not statements of safety`, () => {
  for (const sentence of [
    'Zoraltinib is not considered safe during pregnancy.',
    'It can be used in pregnancy only if clearly needed.',
    'It is considered safe in the first trimester.',
    'Is Zoraltinib safe during pregnancy?',
    'Topical use is generally considered safe during pregnancy.',
  ]) {
    const texts = withDefect(ZORALTINIB, (t) => replaceOnce(t, '- Check liver function before starting', `- ${sentence}\n- Check liver function before starting`));
    assert.deepEqual(only(check(texts), CODE), [], sentence);
  }
});
