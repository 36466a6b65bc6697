import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './helpers/cli.js';
import { cleanTexts, replaceOnce, VELBUTAMIDE, withDefect, writeTexts, ZORALTINIB } from './helpers/check.js';

// A fixed --today, so the stale-date rule gives the same answer in any year.
const dirsOf = (root: string): string[] => [join(root, 'astro-site'), join(root, 'jekyll-site'), '--today', '2026-01-01'];

test('check: clean content → exit 0, the summary line', async () => {
  const r = await runCli(['check', ...dirsOf(writeTexts(cleanTexts()))]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, '4 files checked: 0 errors, 0 warnings, 0 notes.\n');
});

test('check: text grouped by file, errors → exit 1; warnings alone → 0 unless over --max-warnings', async () => {
  const warnings = withDefect(ZORALTINIB, (t) => replaceOnce(t, '- Zoraltinib blocks', '- Zoraltanib blocks'));
  const root = writeTexts(warnings);
  const w = await runCli(['check', ...dirsOf(root)]);
  assert.equal(w.code, 0);
  assert.match(w.out, /^astro-site\/compositions\/zoraltinib\.md:\d+:3 {2}warning {2}The drug's name is written "Zoraltanib" here .* \[name-spelled-two-ways\]\n {4}Use one spelling/m);
  assert.match(w.out, /^4 files checked: 0 errors, 1 warnings, 0 notes\.$/m);
  assert.equal((await runCli(['check', ...dirsOf(root), '--max-warnings', '1'])).code, 0);
  const over = await runCli(['check', ...dirsOf(root), '--max-warnings', '0']);
  assert.equal(over.code, 1);
  assert.match(over.err, /1 warnings, more than --max-warnings 0\./);
  const errors = writeTexts(withDefect(VELBUTAMIDE, (t) => replaceOnce(t, 'title: Velbutamide\n', ''), warnings));
  const e = await runCli(['check', ...dirsOf(errors)]);
  assert.equal(e.code, 1);
  // Files are separated by a blank line.
  assert.match(e.out, /\[name-spelled-two-ways\]\n {4}.*\n\njekyll-site\/composition\/v\/velbutamide\.md:1:1 {2}error/);
});

test('check --format json: counts, per-rule counts and the findings', async () => {
  const root = writeTexts(withDefect(ZORALTINIB, (t) => replaceOnce(t, '## Usage\n', '## **Usage**\n')));
  const r = await runCli(['check', ...dirsOf(root), '--format', 'json']);
  assert.equal(r.code, 0);
  const j = JSON.parse(r.out) as { version: number; files: number; counts: Record<string, number>; byRule: Record<string, number>; fixable: number; diagnostics: { code: string; endColumn: number }[] };
  assert.deepEqual([j.version, j.files, j.counts, j.byRule, j.fixable], [1, 4, { error: 0, warning: 0, info: 1 }, { 'heading-markup': 1 }, 1]);
  assert.equal(j.diagnostics[0]?.code, 'heading-markup');
});

test('check: unusable arguments are exit 2 with a clear message', async () => {
  const root = writeTexts(cleanTexts());
  const dry = await runCli(['check', ...dirsOf(root), '--dry-run']);
  assert.equal(dry.code, 2);
  assert.match(dry.err, /--dry-run shows what --fix would change; use it together with --fix\./);
  assert.equal((await runCli(['check', ...dirsOf(root), '--format', 'xml'])).code, 2);
  assert.equal((await runCli(['check', ...dirsOf(root), '--max-warnings', '-1'])).code, 2);
  assert.equal((await runCli(['check', ...dirsOf(root), '--today', 'someday'])).code, 2);
  const missing = await runCli(['check', join(root, 'nope')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /does not exist or is not a folder/);
});

test('check --stale-after: the configurable age', async () => {
  const root = writeTexts(cleanTexts());
  const r = await runCli(['check', ...dirsOf(root), '--stale-after', '1', '--format', 'json']);
  const j = JSON.parse(r.out) as { byRule: Record<string, number> };
  assert.equal(j.byRule['last-modified-stale'], 3);
});
