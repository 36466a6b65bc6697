import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildCatalog } from '../src/catalog/index.js';
import { discover } from '../src/content/index.js';
import { normalizeFile } from '../src/normalize/index.js';
import { buildNamesIndex } from '../src/search/index.js';

// The original site's search index held hidden page content; ours holds names only.
test('the names index holds names of each page, never section text', () => {
  const files = discover(new URL('../content/', import.meta.url).pathname);
  const monographs = files.flatMap((f) => normalizeFile({ file: f.file, bytes: readFileSync(f.abs), kindHint: f.kindHint }).monograph ?? []);
  const catalog = buildCatalog(monographs);
  const index = buildNamesIndex(catalog);
  assert.equal(index.items.length, catalog.entries.length);
  const alem = index.items.find((i) => i.u === '/composition/alemtuzumab/');
  assert.ok(alem);
  assert.deepEqual([...alem.n].sort(), ['Alemtuzumab', 'Campath', 'Lemtrada']);
  const json = JSON.stringify(index);
  for (const text of ['prescribed', 'infusion', 'What is the recommended dosage', 'Disclaimer']) {
    assert.ok(!json.toLowerCase().includes(text.toLowerCase()), `"${text}" from a page's text is in the names index`);
  }
});
