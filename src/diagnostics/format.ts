import type { Diagnostic, Severity } from './diagnostic.js';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: file, line, column, severity. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || ORDER[a.severity] - ORDER[b.severity],
  );
}

/** `file:line:col  severity  message  [code]` then the hint, linter style. */
export function formatText(list: readonly Diagnostic[]): string {
  return sortDiagnostics(list)
    .map((d) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  [${d.code}]\n    ${d.hint}`)
    .join('\n');
}

export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) out[d.severity]++;
  return out;
}

export function countByCode(list: readonly Diagnostic[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of list) out[d.code] = (out[d.code] ?? 0) + 1;
  return out;
}
