/**
 * FNV-1a, 32 bits: a cheap, stable hash for spreading things evenly (not for security).
 *
 * @example fnv1a32('composition:paracetamol') // an unsigned 32-bit integer, the same on every run
 */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
