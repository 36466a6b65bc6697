import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, cleanTexts, lineOf, only, replaceOnce, withDefect, ZORALTINIB } from './helpers/check.js';

test('last-modified-stale / -invalid: silent on the clean fixtures', () => {
  const f = check(cleanTexts());
  assert.deepEqual(only(f, 'last-modified-stale'), []);
  assert.deepEqual(only(f, 'last-modified-invalid'), []);
});

test('last-modified-stale: older than the configured age, relative to `now`', () => {
  const texts = withDefect(ZORALTINIB, (t) => replaceOnce(t, "lastModified: '2025-09-22T17:21:53.335Z'", "lastModified: '2019-03-01'"));
  const found = only(check(texts), 'last-modified-stale');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.line, lineOf(texts.get(ZORALTINIB) as string, 'lastModified:'));
  assert.equal(found[0]!.message, 'The page was last modified 2498 days (6.8 years) ago, more than the 730 days after which a page should be reviewed.');
  // The age is an option: with ten years allowed, the page is not stale.
  assert.deepEqual(only(check(texts, { staleAfterDays: 3650 }), 'last-modified-stale'), []);
  // And "now" is an option: in 2026 the clean page (Sept 2025) is fresh, in 2030 it is not.
  assert.equal(only(check(cleanTexts(), { now: new Date('2030-01-01T00:00:00Z') }), 'last-modified-stale').length, 3, 'the three pages that have a lastModified');
});

test('last-modified-invalid: not a date, or in the future', () => {
  const words = withDefect(ZORALTINIB, (t) => replaceOnce(t, "lastModified: '2025-09-22T17:21:53.335Z'", "lastModified: 'last week'"));
  assert.equal(only(check(words), 'last-modified-invalid')[0]?.message, "`lastModified` is 'last week', which is not a date.");
  const future = withDefect(ZORALTINIB, (t) => replaceOnce(t, "lastModified: '2025-09-22T17:21:53.335Z'", "lastModified: '2027-05-01'"));
  assert.equal(only(check(future), 'last-modified-invalid')[0]?.message, '`lastModified` (2027-05-01) is in the future.');
});
