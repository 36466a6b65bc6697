import { join } from 'node:path';
import type { BigIntStats } from 'node:fs';
import { drugPath, fileOf, type ApiDrug } from '../../api/index.js';
import type { FileCache } from '../file-cache.js';
import { statOrNull } from '../file-version.js';
import { realInside, realOrNull } from '../request-path.js';

/**
 * A drug's API document as the build wrote it into the site (`api/v1/drugs/<id>.json`), parsed;
 * null when it is missing, outside the site or not a drug document. Read through the server's
 * file cache, so the tools and `POST /api/dose` follow a rebuild like every other file.
 */
export async function readDrugDocument(siteDir: string, files: FileCache, id: string): Promise<ApiDrug | null> {
  const found = drugFile(siteDir, id);
  if (found === null) return null;
  try {
    const doc = JSON.parse(Buffer.from((await files.load(found.file, found.st)).bytes).toString('utf8')) as ApiDrug;
    const ok = typeof doc === 'object' && doc !== null && Array.isArray(doc.sections) && Array.isArray(doc.regimens) && typeof doc.url === 'string' && typeof doc.links === 'object';
    return ok ? doc : null;
  } catch {
    return null;
  }
}

/** The real path and stat of a drug's API document in the site, or null when it is missing or outside the site. */
export function drugFile(siteDir: string, id: string): { file: string; st: BigIntStats } | null {
  const root = realOrNull(siteDir);
  const file = root === null ? null : realInside(root, join(siteDir, fileOf(drugPath(id))));
  const st = file === null ? null : statOrNull(file);
  return file === null || st === null || !st.isFile() ? null : { file, st };
}
