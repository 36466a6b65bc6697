// Test helper (not a test file): the bundled sample built into a temp dir, with the API's static
// files written the way the build will write them (`apiFiles`, in the order it yields them).
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { apiFiles } from '../src/api/index.js';
import { build } from '../src/build/index.js';
import type { Catalog } from '../src/catalog/index.js';
import { SAMPLE_DIR } from './helpers/monographs.js';

export interface ApiTestSite {
  root: string;
  siteDir: string;
  catalog: Catalog;
  remove(): void;
}

export const SITE_OPTIONS = { siteUrl: null, siteName: 'Formulary' } as const;

/** Write every API file under `siteDir` (write-then-rename, as a rebuild in place does). */
export async function writeApiFiles(catalog: Pick<Catalog, 'entries'>, siteDir: string, regimens = false): Promise<string[]> {
  const written: string[] = [];
  for await (const f of apiFiles(catalog, { ...SITE_OPTIONS, regimens })) {
    const target = join(siteDir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.tmp`, f.contents);
    renameSync(`${target}.tmp`, target);
    written.push(f.path);
  }
  return written;
}

/**
 * Build `content/` (no cache), with `extra` content files added (path under the content folder →
 * text), and add the API files (with the dose regimens when `regimens`).
 */
export async function makeApiSite(extra: Record<string, string> = {}, options: { regimens?: boolean } = {}): Promise<ApiTestSite> {
  const root = mkdtempSync(join(tmpdir(), 'formulary-api-'));
  const siteDir = join(root, 'site');
  let contentDir = SAMPLE_DIR;
  if (Object.keys(extra).length > 0) {
    contentDir = join(root, 'content');
    cpSync(SAMPLE_DIR, contentDir, { recursive: true });
    for (const [path, text] of Object.entries(extra)) {
      mkdirSync(dirname(join(contentDir, path)), { recursive: true });
      writeFileSync(join(contentDir, path), text);
    }
  }
  const regimens = options.regimens === true;
  const { state } = await build({ contentDirs: [contentDir], outDir: siteDir, cacheDir: null, regimens });
  await writeApiFiles(state.catalog, siteDir, regimens);
  return { root, siteDir, catalog: state.catalog, remove: () => rmSync(root, { recursive: true, force: true }) };
}
