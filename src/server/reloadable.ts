import { readFile } from 'node:fs/promises';
import { statOrNull, versionOf } from './file-version.js';

export interface Loaded<T> {
  value: T;
  /** Why the file could not be used, if it could not; `value` is then a fallback. */
  problem?: string;
}

export interface Reloadable<T> {
  /** The parsed file as it is on disk now: stats it on every call, re-reads it only when it changed. */
  get(): Promise<T>;
}

/**
 * A small derived value of one file (the redirects table, the names index) that follows the file
 * as a watcher rebuilds the site: a missing file gives `missing`, a changed one is parsed again.
 * `onProblem` hears once per file version about a file that could not be parsed.
 */
export function reloadable<T>(
  file: string,
  parse: (text: string) => Loaded<T>,
  missing: T,
  onProblem: (message: string) => void = () => {},
): Reloadable<T> {
  let version = 'missing';
  let value = missing;
  return {
    async get() {
      const st = statOrNull(file);
      const now = st === null || !st.isFile() ? 'missing' : versionOf(st);
      if (now === version) return value;
      if (now === 'missing') {
        version = now;
        value = missing;
        return value;
      }
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return missing; // vanished between stat and read: try again next time
      }
      const loaded = parse(text);
      if (loaded.problem !== undefined) onProblem(loaded.problem);
      version = now;
      value = loaded.value;
      return value;
    },
  };
}
