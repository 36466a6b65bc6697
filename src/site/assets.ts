import { fileURLToPath } from 'node:url';

const asset = (name: string): { path: string; file: string } => ({
  path: `assets/${name}`,
  // From src/site/ and from lib/site/ alike, ../../assets is the repo's assets/ folder.
  file: fileURLToPath(new URL(`../../assets/${name}`, import.meta.url)),
});

/**
 * Static files every site ships: output path → absolute source file under the repo's `assets/`.
 * @example for (const a of ASSET_FILES) await copyFile(a.file, join(out, a.path))
 */
export const ASSET_FILES: { path: string; file: string }[] = [asset('site.css'), asset('search.js'), asset('favicon.svg')];
