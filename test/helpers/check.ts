import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogOf, checkFileOf, runChecks, type CheckContent, type CheckOptions, type Finding } from '../../src/check/index.js';
import { discover, type DiscoveredFile } from '../../src/content/index.js';
import type { Kind } from '../../src/model/index.js';

/** test/fixtures/check/clean: the content set every rule is silent on. */
export const CLEAN_DIR = fileURLToPath(new URL('../fixtures/check/clean/', import.meta.url));
export const SCHEMA_FILE = fileURLToPath(new URL('../fixtures/check/sarif/sarif-2.1.0-rtm.5.json', import.meta.url));

/** A fixed "today" for the date rules. */
export const NOW = new Date('2026-01-01T00:00:00Z');

/** The clean fixtures' display paths (`astro-site/compositions/zoraltinib.md`). */
export const ZORALTINIB = 'astro-site/compositions/zoraltinib.md';
export const COMBINATION = 'astro-site/combinations/velbutamide-zoraltinib.md';
export const BRAND = 'astro-site/medicines/zoral-50.md';
export const VELBUTAMIDE = 'jekyll-site/composition/v/velbutamide.md';

/** Content as display path → text (or bytes). */
export type Texts = Map<string, string | Uint8Array>;

function cleanRefs(): DiscoveredFile[] {
  return [join(CLEAN_DIR, 'astro-site'), join(CLEAN_DIR, 'jekyll-site')].flatMap((d) => discover(d));
}

/** The clean content set, read fresh (tests may change the returned map freely). */
export function cleanTexts(): Texts {
  return new Map(cleanRefs().map((f) => [f.file, readFileSync(f.abs, 'utf8')]));
}

/** Folders in the Astro layout: the clean fixtures' and the seeds' (`rxhive-astro`, as the seed cases name them). */
const ASTRO_ROOTS = new Set(['astro-site', 'rxhive-astro']);

/** The kind the folder implies, as `discover` gives it. */
export function kindHintOf(file: string): Kind | null {
  const [root, top] = file.split('/');
  if (root === undefined || !ASTRO_ROOTS.has(root)) return null;
  return top === 'compositions' ? 'composition' : top === 'combinations' ? 'combination' : top === 'medicines' ? 'medicine' : null;
}

/** Load texts the way `loadContent` loads files (no disk). */
export function contentOf(texts: Texts): CheckContent {
  const files = [...texts].map(([file, text]) =>
    checkFileOf({ abs: null, file, kindHint: kindHintOf(file) }, typeof text === 'string' ? Buffer.from(text, 'utf8') : text),
  );
  return { files, catalog: catalogOf(files) };
}

/** Run every rule over texts, with the fixed date. */
export function check(texts: Texts, options: CheckOptions = {}): Finding[] {
  return runChecks(contentOf(texts), { now: NOW, ...options });
}

/**
 * The clean set with one file changed by `edit` (which must change it: a defect that was not
 * injected would make the test pass for nothing).
 */
export function withDefect(file: string, edit: (text: string) => string, base: Texts = cleanTexts()): Texts {
  const before = base.get(file);
  assert.ok(typeof before === 'string', `test: no clean fixture ${file}`);
  const after = edit(before);
  assert.notEqual(after, before, `test: the defect was not injected into ${file}`);
  const out = new Map(base);
  out.set(file, after);
  return out;
}

/** `text.replace(from, to)`, failing when `from` is not there. */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  assert.ok(found, `test: ${String(from)} not found in the fixture`);
  return text.replace(from, to);
}

export const only = (findings: readonly Finding[], code: string): Finding[] => findings.filter((f) => f.code === code);

/** The 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `test: "${needle}" not in the text`);
  return i + 1;
}

/** Write texts into a fresh folder (display paths kept), for CLI and --fix tests; returns the parent of the content folders. */
export function writeTexts(texts: Texts): string {
  const root = mkdtempSync(join(tmpdir(), 'formulary-check-'));
  for (const [file, text] of texts) {
    const abs = join(root, file);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return root;
}
