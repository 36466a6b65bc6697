import { z } from 'zod';

/** How bad a finding is. `error` means the file could not be used; `warning` means it was used but
 * something is wrong in it; `info` records a repair or an observation. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * One positioned finding about content, vfile-message style: data, never an exception.
 * `line` and `column` are 1-based and point into the original file (BOM and CRLF accounted for).
 */
export const DiagnosticSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  hint: z.string(),
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1).optional(),
  /** Where in the data the finding is, e.g. `faqs[2].q`. */
  path: z.string().optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export interface Position {
  line: number;
  column?: number;
  endLine?: number;
  path?: string;
}
