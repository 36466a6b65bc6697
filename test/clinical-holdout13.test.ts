import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLabel } from '../src/clinical/labels.js';

// Rules written from the disagreements of the holdout13 first run (session 9).

test('labels (holdout13): "For most infections" names no one condition; "Other infections" still does (sulfadiazine)', () => {
  assert.equal(classifyLabel('For most infections', { ingredients: [] }).indication, null);
  assert.equal(classifyLabel('Most Bacterial Infections', { ingredients: [] }).indication, null);
  assert.equal(classifyLabel('Other infections', { ingredients: [] }).indication, 'Other infections');
});
