const COMBINING_MARKS = /\p{M}/gu;

/**
 * Case- and accent-folded text: NFKD, combining marks removed, lowercase. The common first step of
 * every slug, matching key and sort key (`"Acétaminophène"` → `"acetaminophene"`).
 */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}
