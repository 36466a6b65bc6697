import { z } from 'zod';
import { SeveritySchema } from '../diagnostics/index.js';

/** A place in a file: 1-based lines and columns (UTF-16 code units), the end inclusive of its line, exclusive of its column. */
export const SpanSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1),
  endColumn: z.number().int().min(1),
});
export type Span = z.infer<typeof SpanSchema>;

/** Another place that explains a finding (the other spelling, the other source, the conflicting sentence). */
export const RelatedLocationSchema = SpanSchema.extend({
  file: z.string(),
  message: z.string(),
});
export type RelatedLocation = z.infer<typeof RelatedLocationSchema>;

/**
 * One result of `formulary check`: a Diagnostic (same fields, same codes) with a full range, the
 * places that explain it, and whether `--fix` can repair it.
 */
export const FindingSchema = SpanSchema.extend({
  /** The rule's stable code (never renamed). */
  code: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  hint: z.string(),
  /** Display path, as in diagnostics (`rxhive-astro/compositions/x.md`). */
  file: z.string(),
  /** Where in the frontmatter data, e.g. `faqs[2].q`. */
  path: z.string().optional(),
  related: z.array(RelatedLocationSchema),
  fixable: z.boolean(),
});
export type Finding = z.infer<typeof FindingSchema>;

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Stable order: file, line, column, severity, code. */
export function sortFindings(list: readonly Finding[]): Finding[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      ORDER[a.severity] - ORDER[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Findings per severity. */
export function countFindings(list: readonly Finding[]): Record<'error' | 'warning' | 'info', number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const f of list) out[f.severity]++;
  return out;
}

/** Findings per rule code, most frequent first. */
export function countByRule(list: readonly Finding[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const f of list) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}
