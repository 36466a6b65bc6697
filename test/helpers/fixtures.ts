import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReadLimits } from '../../src/content/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { MonographSchema, type Kind, type Monograph } from '../../src/model/index.js';
import { normalizeFile, type Fidelity, type NormalizeResult } from '../../src/normalize/index.js';

/** `test/fixtures/` — one folder per real defect or variant: `input.md` and the golden `expected.json`. */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Regenerate goldens only when asked explicitly (`UPDATE=1 node --import tsx --test …`). */
export const UPDATE = process.env['UPDATE'] === '1';

export interface FixtureCase {
  /** Folder name under test/fixtures. */
  name: string;
  /** Display path the file is normalized under (decides slug, aliases and diagnostics' `file`). */
  file: string;
  /** Kind implied by the folder, as `discover` would give it (Astro layout), or null (Jekyll/plain). */
  kindHint: Kind | null;
  /** Read limits other than the defaults (oversized-file case). */
  limits?: ReadLimits;
  /** The real defect or variant the case pins. */
  about: string;
}

export const fixturePath = (name: string, file: string): string => `${FIXTURES_DIR}${name}/${file}`;

export function readInput(name: string): Buffer {
  return readFileSync(fixturePath(name, 'input.md'));
}

/** Fixture folders of other suites (not normalizer cases). */
const OTHER_SUITES = new Set(['search', 'search-fulltext', 'check', 'brands', 'clinical']);

export function listFixtureDirs(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !OTHER_SUITES.has(d.name))
    .map((d) => d.name)
    .sort();
}

/** Normalize a fixture's input.md the way a build would. */
export function normalizeCase(c: FixtureCase, bytes: Uint8Array = readInput(c.name)): NormalizeResult {
  return normalizeFile({ file: c.file, bytes, kindHint: c.kindHint, ...(c.limits ? { limits: c.limits } : {}) });
}

export interface Golden {
  /** The whole monograph (null when the file is refused), as MonographSchema parses it. */
  monograph: Monograph | null;
  diagnostics: Diagnostic[];
  fidelity: Fidelity;
}

/**
 * What a golden holds. The monograph is parsed with MonographSchema first, and must come out of it
 * unchanged: no key the schema does not know, nothing coerced.
 */
export function goldenOf(r: NormalizeResult): Golden {
  let monograph: Monograph | null = null;
  if (r.monograph) {
    monograph = MonographSchema.parse(r.monograph);
    assert.deepStrictEqual(plain(monograph), plain(r.monograph), 'MonographSchema.parse changed the monograph (unknown keys or coerced values)');
  }
  return plain({ monograph, diagnostics: r.diagnostics, fidelity: r.fidelity });
}

/** JSON round trip: what would be written to expected.json. */
export const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * Compare `actual` with `<dir>/expected.json`. With UPDATE=1 the golden is (re)written; without it a
 * missing golden fails, so a new case is never silently accepted.
 */
export function checkGolden(dir: string, actual: unknown): void {
  const path = `${dir.replace(/\/$/, '')}/expected.json`;
  const text = JSON.stringify(actual, null, 2) + '\n';
  if (UPDATE) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, text);
    return;
  }
  if (!existsSync(path)) {
    assert.fail(`golden ${path} is missing: review the output and create it with UPDATE=1`);
  }
  const expected: unknown = JSON.parse(readFileSync(path, 'utf8'));
  assert.deepStrictEqual(plain(actual), expected, `output differs from ${path} (re-run with UPDATE=1 only if the change is intended)`);
}
