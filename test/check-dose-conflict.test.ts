import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, cleanTexts, only, ZORALTINIB } from './helpers/check.js';

const CODE = 'dose-conflict-between-sources';
const SECOND = 'jekyll-site/composition/z/zoraltinib.md';

const secondSource = (dose: string): string => `---
layout: minimal-medicine
title: Zoraltinib
---

# Zoraltinib
### Generic Name
Zoraltinib

### Usage
Zoraltinib is used for chronic plaque psoriasis in adults.

### Dosage
* **Adults:** ${dose} by mouth once daily.

### Side Effects
* Nausea

### How it Works
It blocks a kinase in immune cells.

### Precautions
Check liver function.

### FAQs

* **Q: How is it taken?** A: By mouth.
`;

test(`${CODE}: silent on the clean fixtures and on a second source that agrees`, () => {
  assert.deepEqual(only(check(cleanTexts()), CODE), []);
  const texts = cleanTexts();
  texts.set(SECOND, secondSource('50 mg'));
  const f = check(texts);
  assert.equal(only(f, 'duplicate-source').length, 1, 'the two sources were merged');
  assert.deepEqual(only(f, CODE), []);
});

test(`${CODE}: a second source whose doses do not overlap`, () => {
  const texts = cleanTexts();
  texts.set(SECOND, secondSource('500 mg'));
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  const f = found[0]!;
  assert.equal(f.file, SECOND);
  assert.equal(f.line, 14);
  assert.equal(f.related[0]?.file, ZORALTINIB);
  assert.equal(f.message, `This source gives 500 mg (e.g. "500 mg") where ${ZORALTINIB} gives 25–100 mg (e.g. "50 mg") for the same drug; the ranges do not overlap.`);
});
