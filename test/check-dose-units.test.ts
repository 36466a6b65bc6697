import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doseStatements } from '../src/clinical/dose-statements.js';
import { check, cleanTexts, lineOf, only, replaceOnce, withDefect, ZORALTINIB } from './helpers/check.js';

const CODE = 'dose-implausible';

test(`${CODE}: silent on the clean fixtures`, () => {
  assert.deepEqual(only(check(cleanTexts()), CODE), []);
});

test('dose statements: values in mg, per body, per period; concentrations are not doses', () => {
  const [a, b] = doseStatements('0.0045-0.0295 mg/kg/min (0.27-1.77 mg/kg/hour), then 2 g daily');
  assert.deepEqual([a?.min, a?.max, a?.per, a?.period], [0.0045, 0.0295, 'kg', 1]);
  assert.deepEqual([b?.min, b?.max, b?.per, b?.period], [0.27, 1.77, 'kg', 60]);
  assert.deepEqual(doseStatements('1.8 mg/m² per 21-day cycle').map((d) => [d.min, d.per, d.period]), [[1.8, 'm2', null]]);
  assert.deepEqual(doseStatements('Loading Dose: 2 grams (g) given'), [{ min: 2000, max: 2000, per: null, period: null, number: '2', unit: 'grams', index: 14, length: 7, text: '2 grams' }]);
  assert.deepEqual(doseStatements('haemoglobin below 8 g/dL, 50 mg/mL solution, Q2, day 8'), []);
});

test(`${CODE}: the same value per kg and per m² on one page`, () => {
  const texts = withDefect(ZORALTINIB, (t) => replaceOnce(t, '- Severe hepatic impairment: 25 mg once daily.', '- Severe hepatic impairment: 1.5 mg/kg once daily.\n- Children over 12: 1.5 mg/m² once daily.'));
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  const text = texts.get(ZORALTINIB) as string;
  assert.equal(found[0]!.line, lineOf(text, '1.5 mg/m²'));
  assert.equal(found[0]!.related[0]?.line, lineOf(text, '1.5 mg/kg'));
  assert.match(found[0]!.message, /^"1\.5 mg\/m²" is also written "1\.5 mg\/kg" on this page \(line \d+\): the same value per m² of body surface and per kg of body weight is a unit confusion\.$/);
});

test(`${CODE}: a mixed unit`, () => {
  const texts = withDefect(ZORALTINIB, (t) => replaceOnce(t, '25 mg once daily.', '25 mg/m²/kg once daily.'));
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /mixes body surface \(m²\) and body weight \(kg\)/);
});

test(`${CODE}: an equivalent in parentheses that does not match; a matching one is fine`, () => {
  const wrong = withDefect(ZORALTINIB, (t) => replaceOnce(t, '25 mg once daily.', '0.000011 mg/kg/min (0.65 mcg/kg/min) by infusion.'));
  const found = only(check(wrong), CODE);
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /^"0\.65 mcg\/kg\/min" is given as the equivalent of "0\.000011 mg\/kg\/min", but they differ 59-fold/);
  const right = withDefect(ZORALTINIB, (t) => replaceOnce(t, '25 mg once daily.', '0.0045 mg/kg/min (0.27 mg/kg/hour) by infusion.'));
  assert.deepEqual(only(check(right), CODE), []);
});

test(`${CODE}: a daily dose beyond ten times the stated maximum daily dose`, () => {
  const texts = withDefect(ZORALTINIB, (t) => replaceOnce(t, '#### Adults\n\n- 50 mg by mouth once daily', '#### Adults\n\n- 1500 mg daily'));
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  const text = texts.get(ZORALTINIB) as string;
  assert.equal(found[0]!.line, lineOf(text, '1500 mg daily'));
  assert.equal(found[0]!.related[0]?.line, lineOf(text, 'Maximum daily dose: 100 mg'));
  const within = withDefect(ZORALTINIB, (t) => replaceOnce(t, '#### Adults\n\n- 50 mg by mouth once daily', '#### Adults\n\n- 150 mg daily'));
  assert.deepEqual(only(check(within), CODE), [], 'above the maximum but not ten times: a matter for a reviewer, not this rule');
  const otherBlock = withDefect(ZORALTINIB, (t) => replaceOnce(t, '25 mg once daily.', '1500 mg daily.'));
  assert.deepEqual(only(check(otherBlock), CODE), [], 'a maximum limits the doses under its own heading only');
});
