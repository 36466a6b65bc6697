import { countFindings, type Finding } from '../finding.js';

/**
 * Linter-style text, grouped by file (a blank line between files): each finding as
 * `file:line:col  severity  message  [code]` (the form editors and terminals make clickable, and the
 * one `formulary check` has always printed), its hint on the next line.
 */
export function formatFindingsText(findings: readonly Finding[]): string {
  const out: string[] = [];
  let file: string | null = null;
  for (const f of findings) {
    if (file !== null && f.file !== file) out.push('');
    file = f.file;
    out.push(`${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.message}  [${f.code}]\n    ${f.hint}`);
  }
  return out.join('\n');
}

/** `N files checked: E errors, W warnings, I notes.` and how many findings --fix can repair. */
export function summaryLine(files: number, findings: readonly Finding[]): string {
  const c = countFindings(findings);
  const fixable = findings.filter((f) => f.fixable).length;
  const fix = fixable > 0 ? ` ${fixable} can be repaired with --fix.` : '';
  return `${files} files checked: ${c.error} errors, ${c.warning} warnings, ${c.info} notes.${fix}`;
}
