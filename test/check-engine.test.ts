import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { catalogOf, checkFilesOf, FindingSchema, loadContent, RULES, runChecks, type Rule } from '../src/check/index.js';
import { discover } from '../src/content/index.js';
import { normalizeFile } from '../src/normalize/index.js';
import { cleanTexts, contentOf, NOW, writeTexts } from './helpers/check.js';

test('a rule that throws is a rule-failed finding on that file; the other rules still run', () => {
  const broken: Rule = {
    name: 'broken',
    codes: [],
    checkFile(file) {
      if (file.file.endsWith('zoral-50.md')) throw new Error('boom');
    },
  };
  const findings = runChecks(contentOf(cleanTexts()), { now: NOW }, [broken, ...RULES]);
  assert.deepEqual(
    findings.map((f) => [f.file, f.code, f.severity, f.message]),
    [['astro-site/medicines/zoral-50.md', 'rule-failed', 'error', 'The rule "broken" failed on this file: boom']],
  );
});

test('findings are sorted and valid, with ranges inside the file, on any input (never a crash)', () => {
  const texts = cleanTexts();
  const base = texts.get('astro-site/compositions/zoraltinib.md') as string;
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), fc.nat({ max: base.length }), fc.nat({ max: 200 }), (insert, at, cut) => {
      const t = new Map(texts);
      const text = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + cut));
      t.set('astro-site/compositions/zoraltinib.md', text);
      const findings = runChecks(contentOf(t), { now: NOW });
      const lines = text.replace(/\r\n?/g, '\n').split('\n').length;
      for (const f of findings) {
        FindingSchema.parse(f);
        assert.notEqual(f.code, 'rule-failed', f.message);
        assert.ok(f.endLine >= f.line && (f.endLine > f.line || f.endColumn > f.column), `${f.code}: empty or reversed range`);
        if (f.file === 'astro-site/compositions/zoraltinib.md') assert.ok(f.endLine <= lines, `${f.code}: line ${f.endLine} of ${lines}`);
      }
      const keys = findings.map((f) => `${f.file}\u0000${String(f.line).padStart(6, '0')}`);
      assert.deepEqual(keys, [...keys].sort());
    }),
    { numRuns: 60, seed: 5 },
  );
});

test('checkFilesOf: a build\'s loaded results checked without normalizing again give the same findings', () => {
  const root = writeTexts(cleanTexts());
  const refs = [join(root, 'astro-site'), join(root, 'jekyll-site')].flatMap((d) => discover(d));
  const results = refs.map((r) => normalizeFile({ file: r.file, bytes: readFileSync(r.abs), kindHint: r.kindHint }));
  const files = checkFilesOf(refs, results);
  assert.deepEqual(runChecks({ files, catalog: catalogOf(files) }, { now: NOW }), runChecks(loadContent([join(root, 'astro-site'), join(root, 'jekyll-site')]), { now: NOW }));
  assert.throws(() => checkFilesOf(refs, results.slice(1)), /check: 4 files but 3 results/);
});
