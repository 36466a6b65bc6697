import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as api from '../src/index.js';

// The package's only entry point; a change here is a change to the public API (unified: test/core.js).
test('the public exports are exactly these', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'CODES',
    'CatalogEntrySchema',
    'DiagnosticSchema',
    'FaqSchema',
    'KindSchema',
    'MonographSchema',
    'SECTION_ORDER',
    'SectionSchema',
    'build',
    'buildCatalog',
    'buildNamesIndex',
    'createApp',
    'formatText',
    'normalizeFile',
    'pagePath',
    'rebuild',
    'renderSearchPage',
    'searchNames',
    'sitePages',
    'startServer',
  ]);
});
