const COMBINING_MARKS = /\p{M}/gu;

/**
 * Case- and accent-folded text: NFKD, combining marks removed, lowercase. The common first step of
 * every slug, matching key and sort key (`"Acétaminophène"` → `"acetaminophene"`).
 */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * Folded text with the spelling variants of drug names made one (`fold`, then ph → f, y → i, ae and
 * oe → e): "Amoxycillin" and "Amoxicillin", "Sulphamethoxazole" and "Sulfamethoxazole",
 * "Oestradiol" and "Estradiol" give the same text. For comparing names, never for showing them.
 */
export function spellingFold(s: string): string {
  return fold(s).replace(/ph/g, 'f').replace(/y/g, 'i').replace(/ae|oe/g, 'e');
}

/**
 * Names each once, compared without case and accents (`fold`), first spelling kept, trimmed;
 * blank ones dropped.
 * @example distinctNames(['Paracetamol', ' paracétamol', '', 'Crocin']) // ['Paracetamol', 'Crocin']
 */
export function distinctNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const t = n.trim();
    const k = fold(t);
    if (t === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}

