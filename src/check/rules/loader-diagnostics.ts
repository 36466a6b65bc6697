import { CODES, type Diagnostic, type DiagnosticCode } from '../../diagnostics/index.js';
import type { Span } from '../finding.js';
import type { Report, Rule } from '../rule.js';
import { isCheckCode } from '../rules-doc.js';
import type { SourceView } from '../source.js';

/**
 * The loader's own diagnostics (broken frontmatter, missing title, damaged FAQs and descriptions,
 * raw HTML, combinations that are not products…) and the catalogue's (unresolved links, duplicate
 * sources, slug collisions) become findings under their existing codes: they are detected once,
 * where the file is read, and never re-detected here.
 */
export const loaderDiagnostics: Rule = {
  name: 'loader-diagnostics',
  codes: Object.keys(CODES) as DiagnosticCode[],
  checkFile(file, view, _ctx, report) {
    for (const d of file.result.diagnostics) pass(d, view, report);
  },
  checkCatalog(ctx, report) {
    for (const d of ctx.catalog.diagnostics) {
      const f = ctx.file(d.file);
      pass(d, f ? ctx.view(f) : null, report, d.file);
    }
  },
};

function pass(d: Diagnostic, view: SourceView | null, report: Report, file?: string): void {
  if (!isCheckCode(d.code)) return;
  const span = spanOf(d, view);
  report(d.code, span, d.message, {
    ...(file !== undefined ? { file } : {}),
    ...(d.path !== undefined ? { path: d.path } : {}),
    severity: d.severity,
  });
}

/** A diagnostic's range: its own line and column, to the end of its last line (or of the token it names). */
export function spanOf(d: Diagnostic, view: SourceView | null): Span {
  const endLine = Math.max(d.line, d.endLine ?? d.line);
  if (!view || view.lines.length === 0) return { line: d.line, column: d.column, endLine, endColumn: d.column + 1 };
  if (d.path !== undefined && d.endLine === undefined && d.line <= view.frontmatterEnd) {
    // A frontmatter field: the key's line through the last line of its value.
    return { ...view.spanOfLines(d.line, fieldEnd(view, d.line)), column: d.column };
  }
  if (d.code === 'unsafe-html') {
    const token = /\(`([^`]+)`\)/.exec(d.message)?.[1];
    if (token) return view.spanAt(d.line, d.column - 1, token.length);
  }
  const lineLength = view.line(endLine).length;
  return { line: d.line, column: d.column, endLine, endColumn: Math.max(endLine === d.line ? d.column + 1 : 1, lineLength + 1) };
}

/** The last line of the top-level frontmatter field whose key is on `keyLine`. */
export function fieldEnd(view: SourceView, keyLine: number): number {
  let end = keyLine;
  for (let n = keyLine + 1; n < view.frontmatterEnd; n++) {
    const text = view.line(n);
    if (/^\S/.test(text)) break;
    if (text.trim() !== '') end = n;
  }
  return end;
}
