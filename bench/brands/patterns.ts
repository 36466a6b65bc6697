/**
 * Every distinct pattern in the real brand catalogs, with one real string each, and how much of
 * each catalog the parsers understand.
 *
 *   node --import tsx bench/brands/patterns.ts [CORPUS_DIR] [--write]
 *
 * CORPUS_DIR defaults to `../shared/corpus/brands` (beside the repository). `--write` rewrites the
 * test table `test/fixtures/brands/patterns.json` with the parsers' current answers: review the diff
 * (`git diff test/fixtures/brands`) before keeping it — the table is what the tests hold the parsers to.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseComposition, parsePack, parseProductPack, parseStrength, readBrandCsv, type BrandRecord } from '../../src/brands/index.js';
import { compositionShape, CORPUS_FILES, DEFAULT_CORPUS, describeIngredient, describePack, describeStrength, extractPatterns, PATTERNS_FILE, type Patterns } from './shapes.js';

const args = process.argv.slice(2);
const write = args.includes('--write');
const corpus = args.find((a) => !a.startsWith('--')) ?? DEFAULT_CORPUS;

const found = extractPatterns(corpus);
const table: Patterns = {
  $comment:
    'One real string per distinct shape of the brand catalogs in ../shared/corpus/brands (names → A, digits → 9; see bench/brands/shapes.ts), with what the parsers must make of it. Regenerate with `node --import tsx bench/brands/patterns.ts --write` and review the diff.',
  compositions: found.compositions.map((f) => {
    const r = parseComposition(f.example);
    return { source: f.source, shape: f.shape, rows: f.rows, text: f.example, ok: r.ok, ingredients: r.ingredients.map(describeIngredient) };
  }),
  strengths: found.strengths.map((f) => ({ source: f.source, shape: f.shape, rows: f.rows, text: f.example, strength: describeStrength(parseStrength(f.example)) })),
  packs: found.packs.map((f) => ({ source: f.source, shape: f.shape, rows: f.rows, text: f.example, pack: describePack(parsePack(f.example)) })),
  productPacks: found.productPacks.map((f) => ({ source: f.source, shape: f.shape, rows: f.rows, columns: f.example, pack: describePack(parseProductPack(f.example)) })),
};

// Coverage: the share of rows whose composition and pack parse fully, per file (through readBrandCsv).
const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(2)}%`);
for (const file of [CORPUS_FILES.az, CORPUS_FILES.products, CORPUS_FILES.details]) {
  const read = readBrandCsv(file, readFileSync(join(corpus, file), 'utf8'));
  const rows = read.records;
  const unparsedRows = new Set(read.diagnostics.filter((d) => d.code === 'brand-composition-unparsed').map((d) => d.line));
  const complete = (r: BrandRecord): boolean => r.ingredients.length > 0 && r.ingredients.every((i) => i.strength !== null);
  const labelled = rows.filter((r) => r.packLabel !== null);
  const understood = rows.filter((r) => !unparsedRows.has(r.source.row)).length;
  console.log(`${file} (${read.layout}): ${rows.length} rows`);
  console.log(`  composition understood: ${understood} (${pct(understood, rows.length)}); every ingredient with a strength: ${rows.filter(complete).length} (${pct(rows.filter(complete).length, rows.length)})`);
  console.log(`  pack parsed: ${labelled.filter((r) => r.pack !== null).length} of ${labelled.length} labels (${pct(labelled.filter((r) => r.pack !== null).length, labelled.length)}); form known: ${pct(rows.filter((r) => r.form !== null).length, rows.length)}`);
  for (const d of read.diagnostics.slice(0, 20)) console.log(`    ${d.code} ${d.line}:${d.column} ${d.message}`);
  const missing = new Map<string, { n: number; example: string }>();
  for (const r of rows.filter((x) => !complete(x))) {
    const s = compositionShape(r.composition);
    const m = missing.get(s);
    if (m) m.n++;
    else missing.set(s, { n: 1, example: r.composition });
  }
  console.log(`  rows with an ingredient lacking a strength: ${[...missing.values()].reduce((a, m) => a + m.n, 0)} in ${missing.size} shapes`);
  for (const [s, m] of [...missing].sort((a, b) => b[1].n - a[1].n).slice(0, 12)) console.log(`    ${m.n} ${JSON.stringify(s).slice(0, 100)} e.g. ${JSON.stringify(m.example).slice(0, 140)}`);
}

console.log(`\nshapes: compositions ${table.compositions.length}, strengths ${table.strengths.length}, packs ${table.packs.length}, product packs ${table.productPacks.length}`);
const bad = [
  ...table.compositions.filter((c) => !c.ok).map((c) => `composition ${c.source}: ${c.text}`),
  ...table.strengths.filter((c) => c.strength === null).map((c) => `strength ${c.source}: ${c.text}`),
  ...table.packs.filter((p) => p.pack === null).map((p) => `pack ${p.source}: ${p.text}`),
  ...table.productPacks.filter((p) => p.pack === null).map((p) => `product pack: ${JSON.stringify(p.columns)}`),
];
console.log(`shapes not fully parsed: ${bad.length}`);
for (const b of bad) console.log(`  ${b}`);

if (write) {
  // One entry per line: a reviewable diff when a parser's answer changes.
  const lines = Object.entries(table).map(([k, v]) =>
    Array.isArray(v) ? `${JSON.stringify(k)}: [\n${v.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]` : `${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  writeFileSync(PATTERNS_FILE, `{\n${lines.join(',\n')}\n}\n`);
  console.log(`wrote ${PATTERNS_FILE}`);
}
