import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comboKey, nameKey, slugify } from '../src/normalize/index.js';

test('name keys meet across spelling, case, accents, spacing and trademark signs', () => {
  const same: [string, string][] = [
    ['Amoxycillin', 'amoxicillin'],
    ['Vitamin D3', 'vitamind3'],
    ['Cephalexin', 'cefalexin'],
    ['Ferrous Sulphate', 'ferrous-sulfate'],
    ['Acétaminophène', 'acetaminophene'],
    ['Alzumab-L™', 'Alzumab L'],
    ['Sintrom®', 'sintrom'],
  ];
  for (const [a, b] of same) assert.equal(nameKey(a), nameKey(b), `${a} ~ ${b}`);
  assert.notEqual(nameKey('Alzumab-L™'), nameKey('Alzumab LTM'), 'a trademark sign is not the letters TM');
  assert.notEqual(nameKey('Paracetamol'), nameKey('Pantoprazole'));
});

test('combination keys ignore ingredient order; slugs are URL-safe', () => {
  assert.equal(comboKey(['Amoxycillin', 'Clavulanic Acid']), comboKey(['clavulanic acid', 'amoxicillin']));
  assert.equal(slugify("Ringer's Lactate"), 'ringers-lactate');
  assert.equal(slugify('Vitamin B12, Folic Acid'), 'vitamin-b12-folic-acid');
});
