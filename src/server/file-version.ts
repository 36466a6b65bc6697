import { stat } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';

/**
 * What identifies one version of a file on disk: inode, size and modification time in nanoseconds.
 * A rebuild that rewrites a file (in place or by rename) changes it.
 */
export function versionOf(st: BigIntStats): string {
  return `${st.ino}:${st.size}:${st.mtimeNs}`;
}

/** `stat` with nanosecond times, or null when the path does not exist or cannot be read. */
export async function statOrNull(path: string): Promise<BigIntStats | null> {
  try {
    return await stat(path, { bigint: true });
  } catch {
    return null;
  }
}
