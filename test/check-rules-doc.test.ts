import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHECK_CODES, DOCUMENTED_LOADER_CODES, RULE_DOCS, RULES, ruleDoc } from '../src/check/index.js';
import { CODES } from '../src/diagnostics/index.js';

test('every code is documented once; loader codes keep their catalogued severity and hint', () => {
  const codes = RULE_DOCS.map((d) => d.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const code of Object.keys(CODES) as (keyof typeof CODES)[]) {
    assert.equal(ruleDoc(code).severity, CODES[code].severity, code);
    assert.equal(ruleDoc(code).hint, CODES[code].hint, code);
  }
  assert.throws(() => ruleDoc('no-such-rule'), /check: unknown rule code "no-such-rule"/);
});

test('every rule module reports documented codes; every quality code has a rule', () => {
  const reported = new Set(RULES.flatMap((r) => r.codes));
  for (const code of reported) assert.doesNotThrow(() => ruleDoc(code), code);
  for (const code of CHECK_CODES) if (code !== 'rule-failed') assert.ok(reported.has(code), `${code} has no rule`);
});

test('each quality rule and each loader code monographs can produce has a one-paragraph doc with a bad and a good example', () => {
  for (const code of [...CHECK_CODES, ...DOCUMENTED_LOADER_CODES]) {
    const d = ruleDoc(code);
    assert.ok(d.title.length > 3, code);
    assert.ok(d.summary.length > 60 && !d.summary.includes('\n'), `${code}: one paragraph`);
    assert.ok(d.bad.length > 0 && d.good.length > 0 && d.bad !== d.good, `${code}: bad and good examples`);
    assert.ok(d.hint.length > 10, code);
  }
  assert.deepEqual(RULE_DOCS.filter((d) => d.fixable).map((d) => d.code).sort(), ['description-damaged', 'faq-frontmatter-damaged', 'heading-markup']);
});
