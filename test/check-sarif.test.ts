import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { RULE_DOCS, toSarif } from '../src/check/index.js';
import { runCli } from './helpers/cli.js';
import { check, cleanTexts, COMBINATION, replaceOnce, SCHEMA_FILE, withDefect, writeTexts, ZORALTINIB } from './helpers/check.js';

// The SARIF 2.1.0 schema (JSON Schema draft-04) as published by the SARIF TC, see test/fixtures/check/README.md.
// unicodeRegExp: false because the rtm.5 schema's language pattern (`…[a-zA-Z]{2}]?$`) has a stray `]` that only non-Unicode regexps accept.
// Both packages are CommonJS: under nodenext their default export is `.default`.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);

const defects = (): ReturnType<typeof cleanTexts> =>
  withDefect(COMBINATION, (t) => replaceOnce(t, '## Side Effects\n', '## Side Effects\n\nSee [x](/composition/nothing/) <script>1</script>.\n'), withDefect(ZORALTINIB, (t) => replaceOnce(t, '- Zoraltinib blocks', '- Zoraltanib blocks')));

test('SARIF output validates against the SARIF 2.1.0 schema (and the validator rejects a broken log)', () => {
  const findings = check(defects());
  assert.ok(findings.length >= 3);
  const log = toSarif(findings, { version: '0.1.0', rootUri: 'file:///content/' });
  assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
  const broken = JSON.parse(JSON.stringify(log)) as { runs: { results: { level: string }[] }[] };
  broken.runs[0]!.results[0]!.level = 'fatal';
  assert.equal(validate(broken), false, 'the schema is really applied');
});

test('SARIF: every rule described with its doc, results point at their rule, regions and related locations', () => {
  const findings = check(defects());
  const log = toSarif(findings, { version: '0.1.0' });
  const run = log.runs[0]!;
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.equal(run.tool.driver.rules?.length, RULE_DOCS.length);
  const spelling = run.results!.find((r) => r.ruleId === 'name-spelled-two-ways')!;
  assert.equal(run.tool.driver.rules![spelling.ruleIndex!]!.id, 'name-spelled-two-ways');
  assert.equal(spelling.level, 'warning');
  const f = findings.find((x) => x.code === 'name-spelled-two-ways')!;
  assert.deepEqual(spelling.locations![0]!.physicalLocation!.region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
  assert.equal(spelling.locations![0]!.physicalLocation!.artifactLocation!.uri, 'astro-site/compositions/zoraltinib.md');
  assert.equal(spelling.relatedLocations?.length, 1);
  const rule = run.tool.driver.rules!.find((r) => r.id === 'heading-markup')!;
  assert.equal(rule.defaultConfiguration?.level, 'note');
  assert.match(rule.help?.markdown ?? '', /Bad:\n\n```markdown\n## \*\*Usage\*\*/);
});

test('formulary check --format sarif prints a valid log with a base URI for the content folders', async () => {
  const root = writeTexts(defects());
  const r = await runCli(['check', join(root, 'astro-site'), join(root, 'jekyll-site'), '--format', 'sarif', '--today', '2026-01-01']);
  assert.equal(r.code, 0, r.err);
  const log = JSON.parse(r.out) as { runs: { originalUriBaseIds?: Record<string, { uri: string }>; results: unknown[] }[] };
  assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
  assert.equal(log.runs[0]!.originalUriBaseIds?.['CONTENTROOT']?.uri, `file://${root}/`);
  assert.ok(log.runs[0]!.results.length >= 3);
});
