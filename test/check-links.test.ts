import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, cleanTexts, COMBINATION, lineOf, only, replaceOnce, withDefect } from './helpers/check.js';

const CODE = 'link-broken';

test(`${CODE}: silent on the clean fixtures (absolute and relative links to existing pages)`, () => {
  assert.deepEqual(only(check(cleanTexts()), CODE), []);
});

test(`${CODE}: links to pages and source files that do not exist, positioned on the target`, () => {
  const texts = withDefect(COMBINATION, (t) =>
    replaceOnce(t, '## Side Effects\n', '## Side Effects\n\nSee [zoraltinib](/composition/zoraltinb/), [the source](../compositions/nothing.md) and [the web](https://example.org/x).\n'),
  );
  const found = only(check(texts), CODE);
  assert.equal(found.length, 2);
  const text = texts.get(COMBINATION) as string;
  const line = lineOf(text, 'See [zoraltinib]');
  const col = text.split('\n')[line - 1]!.indexOf('/composition/zoraltinb/') + 1;
  assert.deepEqual([found[0]!.line, found[0]!.column, found[0]!.endColumn], [line, col, col + '/composition/zoraltinb/'.length]);
  assert.equal(found[0]!.message, 'The link "/composition/zoraltinb/" points at "/composition/zoraltinb/", a page the site does not have.');
  assert.equal(found[1]!.message, 'The link "../compositions/nothing.md" points at the file "astro-site/compositions/nothing.md", which does not exist.');
});
