import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { catalogOf, checkFileOf, runChecks } from '../src/check/index.js';
import { CASES } from './helpers/cases.js';
import { NOW } from './helpers/check.js';
import { checkGolden, FIXTURES_DIR } from './helpers/fixtures.js';

// Every finding on the five seed monographs, pinned (test/fixtures/check/seeds/expected.json;
// regenerate with UPDATE=1 and review). docs/DESIGN.md "Quality checks" justifies each one.
test('the five seeds: every finding, pinned', () => {
  const files = CASES.filter((c) => c.name.startsWith('seed-')).map((c) =>
    checkFileOf({ abs: null, file: c.file, kindHint: c.kindHint }, readFileSync(join(FIXTURES_DIR, c.name, 'input.md'))),
  );
  const findings = runChecks({ files, catalog: catalogOf(files) }, { now: NOW });
  checkGolden(join(FIXTURES_DIR, 'check', 'seeds'), findings.map((f) => ({ at: `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}`, severity: f.severity, code: f.code, message: f.message })));
});
