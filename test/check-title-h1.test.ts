import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, cleanTexts, lineOf, only, replaceOnce, VELBUTAMIDE, withDefect } from './helpers/check.js';

const CODE = 'title-h1-mismatch';

test(`${CODE}: silent on the clean fixtures (same name, any case or markup)`, () => {
  assert.deepEqual(only(check(cleanTexts()), CODE), []);
  const bold = withDefect(VELBUTAMIDE, (t) => replaceOnce(t, '# Velbutamide\n', '#  **velbutamide**\n'));
  assert.deepEqual(only(check(bold), CODE), []);
  const note = withDefect(VELBUTAMIDE, (t) => replaceOnce(t, '# Velbutamide\n', '# Velbutamide (VBT-1)\n'));
  assert.deepEqual(only(check(note), CODE), [], 'a note in parentheses after the name is not another name');
});

test(`${CODE}: an H1 that names the drug differently, positioned on the heading text`, () => {
  const texts = withDefect(VELBUTAMIDE, (t) => replaceOnce(t, '# Velbutamide\n', '# Velbutamide-xyzb Injection\n'));
  const found = only(check(texts), CODE);
  assert.equal(found.length, 1);
  const f = found[0]!;
  const line = lineOf(texts.get(VELBUTAMIDE) as string, '# Velbutamide-xyzb');
  assert.deepEqual([f.file, f.line, f.column, f.endLine, f.endColumn], [VELBUTAMIDE, line, 3, line, 3 + 'Velbutamide-xyzb Injection'.length]);
  assert.equal(f.message, 'The page\'s heading "Velbutamide-xyzb Injection" differs from its title "Velbutamide".');
  assert.equal(f.severity, 'warning');
  assert.equal(f.related[0]?.line, 3, 'points at the frontmatter title');
});
