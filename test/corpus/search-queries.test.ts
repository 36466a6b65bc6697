import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugify } from '../../src/normalize/names.js';

// The judged query set (bench/search/queries.json) against the real corpus (../shared/corpus, part
// of `npm run test:corpus`): every expected or safety page exists, under the slug the site publishes
// it (the rxhive-astro file's when a drug is in both sources), and the lookups name their page.

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const QUERIES = fileURLToPath(new URL('../../bench/search/queries.json', import.meta.url));

assert.ok(existsSync(join(CORPUS, 'rxhive-astro')), `the corpus is not at ${CORPUS} (expected ../shared/corpus beside the repository)`);

interface Query {
  q: string;
  type: string;
  expect: string[];
  safety?: string[];
}

interface Page {
  /** Source files (relative to the corpus), rxhive-astro first. */
  files: string[];
  titles: string[];
}

const md = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')) : []);
const read = (file: string): string => readFileSync(join(CORPUS, file), 'utf8');
const baseName = (file: string): string => file.replace(/^.*\//, '').replace(/\.md$/, '');

/** The frontmatter title, unquoted (`title: "Crocin 650"` → `Crocin 650`). */
function titleOf(text: string): string {
  const m = /^title:[ \t]*(.*)$/m.exec(text.split(/\n---\s*\n/, 1)[0] ?? '');
  return (m?.[1] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
}

/** As the normalizer decides for a Jekyll page: `A + B` in the title makes a combination. */
const isCombinationTitle = (title: string): boolean => /\s\+\s|\S\+\S/.test(title);

/** A combination's ingredients, order and spelling folded: `Amoxycillin + Clavulanic Acid` ~ `clavulanic acid+amoxicillin`. */
const comboKey = (title: string): string =>
  title
    .split('+')
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '').replace(/ph/g, 'f').replace(/y/g, 'i'))
    .filter(Boolean)
    .sort()
    .join('+');

const pages = new Map<string, Page>();
const astroCombos = new Map<string, string>(); // comboKey → path
function addPage(path: string, file: string, title: string): void {
  const page = pages.get(path) ?? { files: [], titles: [] };
  page.files.push(file);
  page.titles.push(title);
  pages.set(path, page);
}

const ASTRO: [dir: string, prefix: string][] = [
  ['compositions', '/composition/'],
  ['combinations', '/composition/combination/'],
  ['medicines', '/medicines/'],
];
for (const [dir, prefix] of ASTRO) {
  for (const f of md(join(CORPUS, 'rxhive-astro', dir))) {
    const file = `rxhive-astro/${dir}/${f}`;
    const title = titleOf(read(file));
    const path = `${prefix}${slugify(baseName(f))}/`;
    addPage(path, file, title);
    if (dir === 'combinations') astroCombos.set(comboKey(title), path);
  }
}
/** Jekyll-only pages, and the Jekyll combinations that are the same drug as an rxhive-astro page. */
const jekyllTwins = new Map<string, string>(); // jekyll path → astro path of the same combination
const jekyllRoot = join(CORPUS, 'rxhive-jekyll', 'composition');
for (const letter of existsSync(jekyllRoot) ? readdirSync(jekyllRoot) : []) {
  for (const f of md(join(jekyllRoot, letter))) {
    const file = `rxhive-jekyll/composition/${letter}/${f}`;
    const title = titleOf(read(file));
    const combination = isCombinationTitle(title);
    const path = `${combination ? '/composition/combination/' : '/composition/'}${slugify(baseName(f))}/`;
    addPage(path, file, title);
    const twin = combination ? astroCombos.get(comboKey(title)) : undefined;
    if (twin !== undefined && twin !== path) jekyllTwins.set(path, twin);
  }
}

const queries = (JSON.parse(readFileSync(QUERIES, 'utf8')) as { queries: Query[] }).queries;
const fold = (s: string): string => s.toLowerCase().replace(/['’]/g, '').replace(/\s+/g, ' ').trim();

test('every expected and safety page of the judged queries exists in the corpus', (t) => {
  t.diagnostic(`${pages.size} pages from the corpus; ${queries.length} queries`);
  const missing = queries.flatMap((q) => [...q.expect, ...(q.safety ?? [])].filter((p) => !pages.has(p)).map((p) => `"${q.q}": ${p}`));
  assert.deepEqual(missing, [], 'expected pages that do not exist under ../shared/corpus');
});

test('a drug in both sources is expected under its rxhive-astro slug', () => {
  const wrong = queries.flatMap((q) =>
    [...q.expect, ...(q.safety ?? [])].flatMap((p) => {
      const twin = jekyllTwins.get(p);
      const astro = pages.get(p)?.files.some((f) => f.startsWith('rxhive-astro/')) ?? false;
      return twin !== undefined && !astro ? [`"${q.q}": ${p} is published as ${twin}`] : [];
    }),
  );
  assert.deepEqual(wrong, []);
});

test('lookups name their page: exact titles, prefixes, brands, combinations', () => {
  const problems: string[] = [];
  for (const q of queries) {
    const best = q.expect[0];
    const page = best === undefined ? undefined : pages.get(best);
    if (page === undefined) continue; // reported by the first test
    const titles = page.titles.map(fold);
    switch (q.type) {
      case 'exact':
        if (!titles.includes(fold(q.q))) problems.push(`exact "${q.q}": ${best} is titled ${page.titles.join(' / ')}`);
        break;
      case 'prefix':
        if (!titles.some((tt) => tt.startsWith(fold(q.q)))) problems.push(`prefix "${q.q}": ${best} is titled ${page.titles.join(' / ')}`);
        break;
      case 'brand': {
        const brand = fold(q.q);
        const named = q.expect.some((p) => pages.get(p)?.files.some((f) => fold(read(f)).includes(brand)) ?? false);
        if (!named) problems.push(`brand "${q.q}": no expected page mentions it`);
        break;
      }
      case 'combination':
        if (!q.expect.some((p) => p.startsWith('/composition/combination/'))) problems.push(`combination "${q.q}": no combination page expected`);
        break;
      case 'typo':
      case 'synonym':
      case 'indication':
      case 'mechanism':
        break;
      default:
        problems.push(`"${q.q}": unknown type ${q.type}`);
    }
  }
  assert.deepEqual(problems, []);
});
