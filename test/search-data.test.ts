import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

// The search engine's data files (issue 3) are well formed: data/search/synonyms.json,
// data/search/abbreviations.json and the judged query set bench/search/queries.json. This test does
// not read the corpus; test/corpus/search-queries.test.ts checks the expected pages against it.

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

/** Lowercase, plain printable ASCII, no leading, trailing or doubled spaces. */
const Name = z
  .string()
  .min(1)
  .regex(/^[\x20-\x7e]+$/, 'plain ASCII')
  .refine((s) => s === s.toLowerCase(), 'lowercase')
  .refine((s) => s === s.trim() && !s.includes('  '), 'no stray spaces');

const SynonymsFile = z.strictObject({
  $comment: z.string().min(1),
  groups: z.array(z.strictObject({ names: z.array(Name).min(2), source: z.string().trim().min(1) })).min(1),
});

const AbbreviationsFile = z.strictObject({
  $comment: z.string().min(1),
  groups: z.array(z.strictObject({ abbr: Name, expansions: z.array(Name).min(1), source: z.string().trim().min(1) })).min(1),
});

const QUERY_TYPES = ['exact', 'brand', 'typo', 'synonym', 'prefix', 'combination', 'indication', 'mechanism'] as const;
type QueryType = (typeof QUERY_TYPES)[number];
const MIN_PER_TYPE: Record<QueryType, number> = { exact: 20, brand: 20, typo: 20, synonym: 20, prefix: 20, combination: 20, indication: 20, mechanism: 20 };
const MIN_QUERIES = 170;

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
/** `/composition/{slug}/`, `/composition/combination/{slug}/` or `/medicines/{slug}/`. */
const PAGE_PATH = new RegExp(`^/(?:composition/(?:combination/)?|medicines/)${SLUG}/$`);
const PagePath = z.string().regex(PAGE_PATH, 'a site path: /composition/{slug}/, /composition/combination/{slug}/ or /medicines/{slug}/');

const QueriesFile = z.strictObject({
  $comment: z.string().min(1),
  queries: z.array(
    z.strictObject({
      q: z.string().trim().min(1),
      type: z.enum(QUERY_TYPES),
      expect: z.array(PagePath).min(1),
      safety: z.array(PagePath).min(1).optional(),
      note: z.string().min(1).optional(),
    }),
  ),
});

/** What two spellings of one name have in common for the engine: case and punctuation ignored. */
const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

function parse<T>(schema: z.ZodType<T>, path: string): T {
  const result = schema.safeParse(readJson(path));
  assert.ok(result.success, result.success ? '' : `${path}: ${z.prettifyError(result.error)}`);
  return result.data;
}

const synonyms = parse(SynonymsFile, '../data/search/synonyms.json');
const abbreviations = parse(AbbreviationsFile, '../data/search/abbreviations.json');
const queries = parse(QueriesFile, '../bench/search/queries.json').queries;

/** The values of `list` that occur more than once (by `by`). */
function duplicates(list: readonly string[], by: (s: string) => string = (s) => s): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const x of list) {
    const k = by(x);
    if (seen.has(k)) dups.add(x);
    seen.add(k);
  }
  return [...dups];
}

test('synonyms.json: every group has two or more distinct names and a source; no name is in two groups', () => {
  for (const [i, g] of synonyms.groups.entries()) {
    assert.ok(new Set(g.names.map(key)).size >= 2, `group ${i + 1} (${g.names.join(', ')}) has fewer than two distinct names`);
    assert.deepEqual(duplicates(g.names, key), [], `group ${i + 1} lists a name twice`);
  }
  const owner = new Map<string, number>();
  const clashes: string[] = [];
  for (const [i, g] of synonyms.groups.entries()) {
    for (const k of new Set(g.names.map(key))) {
      const other = owner.get(k);
      if (other !== undefined) clashes.push(`"${k}" is in groups ${other + 1} and ${i + 1}`);
      owner.set(k, i);
    }
  }
  assert.deepEqual(clashes, []);
});

test('synonyms.json: the pairs the issue asks for are present', () => {
  const groupOf = new Map(synonyms.groups.flatMap((g, i) => g.names.map((n) => [n, i] as const)));
  const pairs = [
    ['paracetamol', 'acetaminophen'], ['salbutamol', 'albuterol'], ['adrenaline', 'epinephrine'], ['noradrenaline', 'norepinephrine'],
    ['lignocaine', 'lidocaine'], ['frusemide', 'furosemide'], ['amoxycillin', 'amoxicillin'], ['glibenclamide', 'glyburide'],
    ['rifampicin', 'rifampin'], ['pethidine', 'meperidine'], ['cyclosporin', 'ciclosporin'], ['ciclosporin', 'cyclosporine'],
    ['aciclovir', 'acyclovir'], ['cefalexin', 'cephalexin'], ['sulphamethoxazole', 'sulfamethoxazole'], ['oestradiol', 'estradiol'],
    ['thyroxine', 'levothyroxine'], ['dothiepin', 'dosulepin'], ['bendrofluazide', 'bendroflumethiazide'],
    ['chlorpheniramine', 'chlorphenamine'], ['phenobarbitone', 'phenobarbital'], ['isoprenaline', 'isoproterenol'],
    ['mesalazine', 'mesalamine'], ['beclomethasone', 'beclometasone'], ['colistin', 'polymyxin e'], ['cholecalciferol', 'vitamin d3'],
    ['cyanocobalamin', 'vitamin b12'], ['ascorbic acid', 'vitamin c'], ['pyridoxine', 'vitamin b6'], ['thiamine', 'vitamin b1'],
    ['riboflavin', 'vitamin b2'], ['nicotinamide', 'niacinamide'],
  ] as const;
  for (const [a, b] of pairs) {
    const ga = groupOf.get(a);
    assert.ok(ga !== undefined, `"${a}" is in no synonym group`);
    assert.equal(groupOf.get(b), ga, `"${a}" and "${b}" are not in the same synonym group`);
  }
});

test('abbreviations.json: each abbreviation once, with expansions and a source', () => {
  assert.deepEqual(duplicates(abbreviations.groups.map((g) => g.abbr), key), [], 'an abbreviation is listed twice');
  for (const g of abbreviations.groups) {
    assert.deepEqual(duplicates(g.expansions, key), [], `${g.abbr} lists an expansion twice`);
    assert.ok(!g.expansions.some((e) => key(e) === key(g.abbr)), `${g.abbr} expands to itself`);
  }
  const listed = new Set(abbreviations.groups.map((g) => g.abbr));
  const required = ['ms', 'all', 'aml', 'cll', 'cml', 'hiv', 't2dm', 't1dm', 'dm', 'htn', 'copd', 'ra', 'sle', 'tb', 'uti', 'gerd', 'ibd', 'ckd', 'chf', 'mi', 'dvt', 'pe', 'nsclc', 'hcc', 'gist', 'pah', 'adhd', 'ocd', 'bph', 'ed', 'pcos', 'hbv', 'hcv', 'cmv', 'rsv', 'nhl', 'mm', 'aids', 'itp', 'pnh', 'ahus'];
  assert.deepEqual(required.filter((a) => !listed.has(a)), [], 'abbreviations the issue asks for are missing');
});

test('queries.json: enough queries of every type', () => {
  assert.ok(queries.length >= MIN_QUERIES, `only ${queries.length} queries (at least ${MIN_QUERIES})`);
  const short = QUERY_TYPES.flatMap((t) => {
    const n = queries.filter((q) => q.type === t).length;
    return n < MIN_PER_TYPE[t] ? [`${t}: ${n} < ${MIN_PER_TYPE[t]}`] : [];
  });
  assert.deepEqual(short, []);
});

test('queries.json: no duplicate queries; expect and safety are well formed and disjoint', () => {
  assert.deepEqual(duplicates(queries.map((q) => q.q), (q) => q.toLowerCase().replace(/\s+/g, ' ').trim()), [], 'duplicate queries');
  for (const q of queries) {
    for (const p of [...q.expect, ...(q.safety ?? [])]) assert.match(p, PAGE_PATH, `"${q.q}": ${p}`);
    assert.deepEqual(duplicates(q.expect), [], `"${q.q}" expects a page twice`);
    assert.deepEqual(duplicates(q.safety ?? []), [], `"${q.q}" lists a safety page twice`);
    const both = (q.safety ?? []).filter((p) => q.expect.includes(p));
    assert.deepEqual(both, [], `"${q.q}" both expects and forbids a page`);
    if (q.type === 'combination') assert.ok(/\S[\s+/,]+\S/.test(q.q), `combination query "${q.q}" names a single ingredient`);
  }
});

test('queries.json: every synonym query is a name of synonyms.json', () => {
  const names = new Set(synonyms.groups.flatMap((g) => g.names.map(key)));
  const missing = queries.filter((q) => q.type === 'synonym' && !names.has(key(q.q))).map((q) => q.q);
  assert.deepEqual(missing, [], 'synonym queries not in data/search/synonyms.json');
});
