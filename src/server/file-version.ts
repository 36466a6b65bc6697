import { statSync, type BigIntStats } from 'node:fs';

/**
 * What identifies one version of a file on disk: inode, size and modification time in nanoseconds.
 * A rebuild that rewrites a file (in place or by rename) changes it.
 */
export function versionOf(st: BigIntStats): string {
  return `${st.ino}:${st.size}:${st.mtimeNs}`;
}

/**
 * `stat` with nanosecond times, or null when the path does not exist or cannot be read.
 * Synchronous on purpose: one stat is cheaper than a thread-pool round trip.
 */
export function statOrNull(path: string): BigIntStats | null {
  try {
    return statSync(path, { bigint: true, throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}
