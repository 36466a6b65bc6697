import { join } from 'node:path';
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
  const root = realOrNull(siteDir);
  const file = root === null ? null : realInside(root, join(siteDir, fileOf(drugPath(id))));
  const st = file === null ? null : statOrNull(file);
  if (file === null || st === null || !st.isFile()) return null;
  try {
    const doc = JSON.parse(Buffer.from((await files.load(file, st)).bytes).toString('utf8')) as ApiDrug;
    const ok = typeof doc === 'object' && doc !== null && Array.isArray(doc.sections) && Array.isArray(doc.regimens) && typeof doc.url === 'string' && typeof doc.links === 'object';
    return ok ? doc : null;
  } catch {
    return null;
  }
}
