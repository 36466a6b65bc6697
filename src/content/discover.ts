import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { Kind } from '../model/index.js';

export type Layout = 'astro' | 'jekyll' | 'plain';

export interface DiscoveredFile {
  /** Absolute path. */
  abs: string;
  /** Display path: the content dir's name, then the path inside it (`rxhive-astro/compositions/x.md`). */
  file: string;
  /** Kind implied by the folder (Astro layout); null when it must be inferred from the content. */
  kindHint: Kind | null;
  layout: Layout;
  /** Modification time (ms) and size, for the cache's quick check. */
  mtimeMs: number;
  size: number;
}

const MARKDOWN = /\.(md|markdown|mdx)$/i;
/** Documentation files that live beside content but are not monographs. */
const NOT_CONTENT = /^(readme|changelog|license|contributing)\.[a-z]+$/i;
const ASTRO_DIRS: Record<string, Kind> = { compositions: 'composition', combinations: 'combination', medicines: 'medicine' };

/** Which layout a content dir uses: Astro (`compositions/` …), Jekyll (`composition/<letter>/`), or a plain folder. */
export function detectLayout(dir: string): Layout {
  const names = new Set(safeReaddir(dir));
  if (Object.keys(ASTRO_DIRS).some((d) => names.has(d))) return 'astro';
  if (names.has('composition')) return 'jekyll';
  return 'plain';
}

/** Every markdown file under `dir`, sorted by path; hidden folders and node_modules are skipped. */
export function discover(dir: string): DiscoveredFile[] {
  const root = resolve(dir);
  const layout = detectLayout(root);
  const name = basename(root);
  const out: DiscoveredFile[] = [];
  const walk = (d: string): void => {
    for (const entry of safeReaddir(d).sort()) {
      if (entry.startsWith('.') || entry === 'node_modules') continue;
      const abs = join(d, entry);
      let st;
      try {
        st = statSync(abs);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(abs);
      else if (st.isFile() && MARKDOWN.test(entry) && !NOT_CONTENT.test(entry)) {
        const rel = relative(root, abs).split(sep).join('/');
        const top = rel.split('/')[0] ?? '';
        out.push({
          abs,
          file: `${name}/${rel}`,
          kindHint: layout === 'astro' ? (ASTRO_DIRS[top] ?? null) : null,
          layout,
          mtimeMs: st.mtimeMs,
          size: st.size,
        });
      }
    }
  };
  walk(root);
  return out;
}

function safeReaddir(d: string): string[] {
  try {
    return readdirSync(d);
  } catch {
    return [];
  }
}
