import type { Monograph } from '../model/index.js';
import { extractDrugClass } from './drug-class.js';
import { extractRegimens } from './extract-regimens.js';
import { extractHalfLife } from './half-life.js';
import { extractContraindications, extractInteractions, extractMonitoring } from './lists.js';
import { extractSafety } from './pregnancy.js';
import type { ClinicalFacts } from './schema.js';
import { extractTargets } from './targets.js';

/**
 * Clinical facts of one monograph, each with the sentence, file and line it was read from.
 * Pure and deterministic; odd text gives fewer facts, never an exception.
 *
 * @example
 * const { regimens, pregnancy } = extractClinicalFacts(monograph);
 * // regimens[0] → { amount: 1.6, per: 'kg', route: 'IV', everyDays: 14, source: { file, line: 106, text: '…' }, … }
 */
export function extractClinicalFacts(monograph: Monograph): ClinicalFacts {
  const file = monograph.sources.find((s) => s.role === 'primary')?.file ?? monograph.sources[0]?.file ?? monograph.slug;
  const opts = { file };
  const sections = monograph.sections;
  const safe = <T>(f: () => T, empty: T): T => {
    try {
      return f();
    } catch {
      return empty;
    }
  };
  const safety = safe(() => extractSafety(sections, { file, ingredients: monograph.ingredients }), { pregnancy: null, breastfeeding: null });
  return {
    regimens: safe(() => extractRegimens(monograph, opts), []),
    pregnancy: safety.pregnancy,
    breastfeeding: safety.breastfeeding,
    contraindications: safe(() => extractContraindications(sections, opts), []),
    interactions: safe(() => extractInteractions(sections, opts), []),
    monitoring: safe(() => extractMonitoring(sections, opts), []),
    halfLife: safe(() => extractHalfLife(sections, opts), null),
    targets: safe(() => extractTargets(sections, opts), []),
    drugClass: safe(() => extractDrugClass(monograph, opts), null),
  };
}
