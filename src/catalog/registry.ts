import { moleculeKey } from '../brands/index.js';
import { diag, type Diagnostic } from '../diagnostics/index.js';
import type { BanRecord, CatalogEntry } from '../model/index.js';
import { comboKey, nameKey, slugify, splitIngredients } from '../normalize/index.js';
import { entryKey } from './types.js';

interface Indexes {
  byKey: ReadonlyMap<string, CatalogEntry>;
  compositions: ReadonlyMap<string, CatalogEntry>;
  combos: ReadonlyMap<string, CatalogEntry>;
}

/** Statuses under which a composition may not be sold; `stayed` (a court stayed the ban) and `revoked` may. */
const IN_FORCE = new Set<BanRecord['status']>(['banned', 'suspended']);

/**
 * Give each registry entry's composition or combination its legal status and the entry as its
 * source. A page's own `is_banned` stays unless the registry says the ban was stayed or revoked.
 * Entries naming no page are diagnostics.
 */
export function applyRegistry(records: readonly BanRecord[], ix: Indexes, diagnostics: Diagnostic[]): void {
  for (const r of records) {
    const parts = splitIngredients(r.composition);
    const target =
      parts.length > 1
        ? ix.combos.get(comboKey(parts)) ?? findByMolecules(parts, ix.byKey)
        : ix.compositions.get(nameKey(r.composition)) ?? ix.byKey.get(entryKey('composition', slugify(r.composition))) ?? null;
    if (!target) {
      diagnostics.push(diag('banned-registry-unmatched', r.file, `The registry entry "${r.composition}" matches no composition or combination page.`, { line: r.line }));
      continue;
    }
    const value = IN_FORCE.has(r.status) ? true : r.status === 'stayed' || r.status === 'revoked' ? false : target.banned.value;
    target.banned = { value, from: 'self', registry: r };
  }
}

function findByMolecules(parts: readonly string[], byKey: ReadonlyMap<string, CatalogEntry>): CatalogEntry | null {
  const want = parts.map(moleculeKey).sort().join('+');
  for (const e of byKey.values()) {
    if (e.monograph.kind === 'combination' && e.monograph.ingredients.map(moleculeKey).sort().join('+') === want) return e;
  }
  return null;
}
