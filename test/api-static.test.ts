import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import {
  apiDrugFiles,
  apiFiles,
  apiIndexFiles,
  apiIds,
  ApiDrugSchema,
  ApiIndexPageSchema,
  fhirId,
  FHIR_ID_PATTERN,
  indexPages,
  staleApiFiles,
  toListItem,
  type ApiFile,
  type ApiIndexPage,
} from '../src/api/index.js';
import { buildCatalog, entryKey } from '../src/catalog/index.js';
import { MonographSchema } from '../src/model/index.js';
import { loadDir, mono, rich, SAMPLE_DIR } from './helpers/monographs.js';
import { SITE_OPTIONS } from './api-site.js';

// The static files `formulary build` writes for the API (issue 7), from the bundled sample.

const catalog = buildCatalog(loadDir(SAMPLE_DIR));

async function collect(cat = catalog): Promise<ApiFile[]> {
  const out: ApiFile[] = [];
  for await (const f of apiFiles(cat, SITE_OPTIONS)) out.push(f);
  return out;
}
const text = (f: ApiFile): string => (typeof f.contents === 'string' ? f.contents : Buffer.from(f.contents).toString('utf8'));

describe('apiFiles', () => {
  test('one document per entry, the bulk file, the index pages with index.json last, then the OpenAPI document and its page', async () => {
    const files = await collect();
    const paths = files.map((f) => f.path);
    const drugs = paths.filter((p) => p.startsWith('api/v1/drugs/'));
    assert.equal(drugs.length, catalog.entries.length);
    assert.deepEqual(drugs, catalog.entries.map((e) => `api/v1/drugs/${e.monograph.slug}.json`), 'catalog order; ids are the slugs (no slug is shared by two kinds here)');
    assert.deepEqual(paths.slice(drugs.length), ['api/v1/bulk.ndjson.gz', 'api/v1/index.json', 'api/openapi.json', 'api/docs/index.html']);
    assert.equal(new Set(paths).size, paths.length, 'no path twice');
  });

  test('every drug document parses with ApiDrugSchema, keeps the whole monograph and reserves regimens', async () => {
    const files = await collect();
    for (const e of catalog.entries) {
      const f = files.find((x) => x.path === `api/v1/drugs/${e.monograph.slug}.json`)!;
      const doc = ApiDrugSchema.parse(JSON.parse(text(f)));
      assert.deepEqual(MonographSchema.parse(doc), JSON.parse(JSON.stringify(e.monograph)), `${e.monograph.slug}: the monograph's fields, unchanged`);
      assert.equal(doc.url, e.url);
      assert.deepEqual(doc.banned, e.banned);
      assert.deepEqual(doc.regimens, []);
      assert.equal(doc.api.self, `/api/v1/drugs/${doc.id}.json`);
      assert.equal(doc.api.fhir, `/fhir/MedicationKnowledge/${fhirId(doc.id)}`);
    }
    const crocin = ApiDrugSchema.parse(JSON.parse(text(files.find((f) => f.path === 'api/v1/drugs/crocin-650.json')!)));
    assert.deepEqual(crocin.links.generic, { slug: 'paracetamol', title: 'Paracetamol', kind: 'composition', url: '/composition/paracetamol/', id: 'paracetamol', api: '/api/v1/drugs/paracetamol.json' });
    const demoxin = ApiDrugSchema.parse(JSON.parse(text(files.find((f) => f.path === 'api/v1/drugs/demoxin-plus.json')!)));
    assert.equal(demoxin.banned.value, true, 'a brand inherits its combination\'s ban');
    assert.equal(demoxin.banned.from, 'exampleol-demoxin');
  });

  test('the bulk file is gzip NDJSON of exactly the drug documents, in catalog order', async () => {
    const files = await collect();
    const bulk = files.find((f) => f.path === 'api/v1/bulk.ndjson.gz')!;
    assert.ok(bulk.contents instanceof Uint8Array);
    const lines = gunzipSync(bulk.contents).toString('utf8').split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    assert.deepEqual(lines, files.filter((f) => f.path.startsWith('api/v1/drugs/')).map(text));
  });

  test('the index page lists every entry once, in title order, with the digest', async () => {
    const files = await collect();
    const page = ApiIndexPageSchema.parse(JSON.parse(text(files.find((f) => f.path === 'api/v1/index.json')!)));
    assert.equal(page.total, catalog.entries.length);
    assert.equal(page.pages, 1);
    assert.equal(page.next, null);
    assert.deepEqual(page.items.map((i) => i.id).sort(), catalog.entries.map((e) => e.monograph.slug).sort());
    assert.deepEqual(page.items.map((i) => i.title), [...page.items.map((i) => i.title)].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    const crocin = page.items.find((i) => i.id === 'crocin-650')!;
    assert.deepEqual(crocin.ingredients, [{ name: 'Paracetamol', id: 'paracetamol' }]);
    assert.equal(crocin.generic, 'paracetamol');
    assert.equal(crocin.company, 'GlaxoSmithKline');
    assert.equal(crocin.letter, 'c');
    const alemtuzumab = page.items.find((i) => i.id === 'alemtuzumab')!;
    assert.deepEqual(alemtuzumab.names, ['Alemtuzumab', 'Campath', 'Lemtrada']);
  });

  test('an empty catalog still gives a valid, empty list and bulk file', async () => {
    const files = await collect(buildCatalog([]));
    assert.deepEqual(files.map((f) => f.path), ['api/v1/bulk.ndjson.gz', 'api/v1/index.json', 'api/openapi.json', 'api/docs/index.html']);
    const page = ApiIndexPageSchema.parse(JSON.parse(text(files[1]!)));
    assert.deepEqual([page.total, page.pages, page.items, page.next], [0, 1, [], null]);
    assert.equal(gunzipSync(files[0]!.contents as Uint8Array).byteLength, 0);
  });

  test('the same catalog gives the same bytes (ETags survive a rebuild)', async () => {
    const a = await collect();
    const b = await collect(buildCatalog(loadDir(SAMPLE_DIR)));
    assert.deepEqual(a.map((f) => [f.path, Buffer.from(f.contents).toString('base64')]), b.map((f) => [f.path, Buffer.from(f.contents).toString('base64')]));
  });

  test('apiDrugFiles and apiIndexFiles give the same files as the full run', async () => {
    const files = await collect();
    const some = apiDrugFiles(catalog, catalog.entries.slice(2, 5));
    assert.equal(some.length, 3);
    for (const one of some) assert.deepEqual(one, files.find((f) => f.path === one.path));
    const index = [...apiIndexFiles(catalog)];
    assert.equal(index.at(-1)?.path, 'api/v1/index.json', 'page 1 last');
    for (const f of index) assert.deepEqual(f, files.find((x) => x.path === f.path));
  });

  test('apiIndexFiles, one page at a time, writes exactly the pages indexPages makes (digest included)', () => {
    const ids = apiIds(catalog);
    const items = catalog.entries.map((e) => toListItem(e, ids));
    for (const size of [1, 3, 7, 500]) {
      const expected = indexPages(items, size);
      const streamed = [...apiIndexFiles(catalog, {}, size)];
      assert.equal(streamed.length, expected.length, `size ${size}`);
      assert.deepEqual(streamed.map((f) => JSON.parse(String(f.contents)) as unknown), [...expected.slice(1), expected[0]], `size ${size}`);
    }
  });

  test('files come one at a time: the first is yielded before any other document is made', async () => {
    const made = new Set<string>();
    const entries = catalog.entries.map((e) => ({
      ...e,
      monograph: new Proxy(e.monograph, {
        get(target, key, receiver) {
          if (key === 'sections') made.add(target.slug);
          return Reflect.get(target, key, receiver) as unknown;
        },
      }),
    }));
    const it = apiFiles({ entries }, SITE_OPTIONS);
    const first = await it.next();
    assert.ok(!first.done && first.value.path.startsWith('api/v1/drugs/'));
    assert.equal(made.size, 1, 'only the first document was made');
    await it.return(undefined);
  });
});

describe('staleApiFiles', () => {
  test('lists documents and index pages that a new run did not write, nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'formulary-api-stale-'));
    try {
      for (const f of ['api/v1/drugs/a.json', 'api/v1/drugs/gone.json', 'api/v1/index.json', 'api/v1/index-2.json', 'api/v1/index-3.json', 'api/v1/bulk.ndjson.gz', 'api/openapi.json']) {
        mkdirSync(dirname(join(dir, f)), { recursive: true });
        writeFileSync(join(dir, f), '{}');
      }
      const written = new Set(['api/v1/drugs/a.json', 'api/v1/index.json', 'api/v1/index-2.json', 'api/v1/bulk.ndjson.gz', 'api/openapi.json']);
      assert.deepEqual(staleApiFiles(dir, written), ['api/v1/drugs/gone.json', 'api/v1/index-3.json']);
      assert.deepEqual(staleApiFiles(join(dir, 'nothing-here'), written), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('indexPages', () => {
  test('pages link first, prev and next; together they hold every item once', () => {
    const items = catalog.entries.map((e) => toListItem(e, apiIds(catalog)));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), (size) => {
        const pages = indexPages(items, size);
        assert.equal(pages.length, Math.ceil(items.length / size));
        pages.forEach((p: ApiIndexPage, k) => {
          ApiIndexPageSchema.parse(p);
          assert.equal(p.page, k + 1);
          assert.equal(p.first, '/api/v1/index.json');
          assert.equal(p.prev, k === 0 ? null : k === 1 ? '/api/v1/index.json' : `/api/v1/index-${k}.json`);
          assert.equal(p.next, k === pages.length - 1 ? null : `/api/v1/index-${k + 2}.json`);
          assert.equal(p.digest, pages[0]!.digest);
        });
        assert.deepEqual(pages.flatMap((p) => p.items.map((i) => i.id)).sort(), items.map((i) => i.id).sort());
      }),
    );
  });

  test('the digest changes when any item changes', () => {
    const items = catalog.entries.map((e) => toListItem(e, apiIds(catalog)));
    const changed = items.map((i, k) => (k === items.length - 1 ? { ...i, title: i.title + ' (renamed)' } : i));
    assert.notEqual(indexPages(items, 3)[0]!.digest, indexPages(changed, 3)[0]!.digest);
  });

  test('the digest is the sha256 of the whole list, in index order, as JSON (first 32 hex digits)', () => {
    const items = catalog.entries.map((e) => toListItem(e, apiIds(catalog)));
    const pages = indexPages(items, 3);
    const inOrder = pages.flatMap((p) => p.items);
    assert.equal(pages[0]!.digest, createHash('sha256').update(JSON.stringify(inOrder)).digest('hex').slice(0, 32));
  });
});

describe('ids', () => {
  test('a slug shared by a composition and a brand: the composition keeps it, the brand gets medicine.<slug>', async () => {
    const generic = mono('rxhive-astro/compositions/paracetamol.md', rich('Paracetamol'), 'composition');
    const brand = mono('rxhive-astro/medicines/paracetamol.md', '---\ntitle: "Paracetamol"\ngeneric_slug: "paracetamol"\ncompany: "Acme"\nstrength: "500 mg"\nmrp: 10\n---\nA brand called Paracetamol.\n', 'medicine');
    const cat = buildCatalog([generic, brand]);
    const ids = apiIds(cat);
    assert.equal(ids.byKey.get(entryKey('composition', 'paracetamol')), 'paracetamol');
    assert.equal(ids.byKey.get(entryKey('medicine', 'paracetamol')), 'medicine.paracetamol');
    const paths = (await collect(cat)).map((f) => f.path);
    assert.ok(paths.includes('api/v1/drugs/paracetamol.json') && paths.includes('api/v1/drugs/medicine.paracetamol.json'));
  });

  test('FHIR ids: the API id when it fits, else 64 characters with a hash; always valid, stable and distinct', () => {
    assert.equal(fhirId('paracetamol'), 'paracetamol');
    assert.equal(fhirId('medicine.paracetamol'), 'medicine.paracetamol');
    const long = 'diphtheria-toxoid-tetanus-toxoid-pertussis-toxoid-filamentous-haemagglutinin-poliomyelitis-virus-type-trunc';
    assert.match(fhirId(long), FHIR_ID_PATTERN);
    assert.equal(fhirId(long).length, 64);
    assert.equal(fhirId(long), fhirId(long));
    assert.notEqual(fhirId(long), fhirId(long + '-2'));
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,200}$/), (id) => {
        const f = fhirId(id);
        assert.match(f, FHIR_ID_PATTERN);
        if (id.length <= 64) assert.equal(f, id);
      }),
    );
  });
});
