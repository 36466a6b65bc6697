import type { Diagnostic, Position, Severity } from './diagnostic.js';

interface CodeInfo {
  severity: Severity;
  hint: string;
}

/**
 * The catalog of diagnostic codes. Names are permanent: never rename one, only add
 * (astro: src/core/errors/README.md). Each carries its default severity and what to do.
 */
export const CODES = {
  // reading the file
  'file-empty': { severity: 'error', hint: 'Write the monograph, or delete the empty file.' },
  'file-binary': { severity: 'error', hint: 'This is not a text file; remove it from the content folder.' },
  'file-too-large': { severity: 'error', hint: 'Split the file or raise the size limit (maxFileBytes) if it is genuine.' },
  'file-unreadable': { severity: 'error', hint: 'Check that the file exists and is readable by this user.' },
  'file-encoding': { severity: 'warning', hint: 'Save the file as UTF-8; invalid bytes were replaced by U+FFFD.' },
  // frontmatter
  'frontmatter-missing': { severity: 'error', hint: 'Start the file with a `---` line, the YAML fields (at least `title:`), and a closing `---` line.' },
  'frontmatter-unterminated': { severity: 'error', hint: 'Add a closing `---` line after the last YAML field.' },
  'frontmatter-invalid-yaml': { severity: 'error', hint: 'Fix the YAML syntax at this position (quote values that contain `:` `[` or `#`).' },
  'frontmatter-alias-limit': { severity: 'error', hint: 'Remove the YAML anchors/aliases (`&a` / `*a`); monographs never need them.' },
  'frontmatter-not-mapping': { severity: 'error', hint: 'The frontmatter must be YAML key/value pairs such as `title: Paracetamol`.' },
  'frontmatter-field-type': { severity: 'warning', hint: 'Give the field the expected type; the value was ignored.' },
  'title-missing': { severity: 'error', hint: 'Add `title: <drug name>` to the frontmatter.' },
  // content
  'unsafe-html': { severity: 'warning', hint: 'Remove raw HTML and script links (javascript:, vbscript:) from the content; they are shown as text, never executed.' },
  'faq-frontmatter-damaged': { severity: 'info', hint: 'Run `formulary check --fix` to rewrite the frontmatter FAQs from the repaired pairs.' },
  'faq-frontmatter-differs': { severity: 'info', hint: 'Keep frontmatter `faqs` identical to the FAQ section of the body.' },
  'faq-unparsed': { severity: 'warning', hint: 'Write each FAQ as `### Q1: question?` followed by `**A:** answer`.' },
  'description-damaged': { severity: 'info', hint: 'Write a plain-prose description of one or two sentences; it was regenerated from Usage.' },
  'description-missing': { severity: 'info', hint: 'Add a `description:` or a Usage section; the page has no meta description otherwise.' },
  'combination-not-a-product': { severity: 'warning', hint: 'The page says this combination is not a recognised product; review or remove it.' },
  'sections-missing': { severity: 'warning', hint: 'The page has no recognisable sections; use `## Usage`, `## Dosage`, … headings.' },
  // linking
  'link-unresolved-ingredient': { severity: 'info', hint: 'Add a composition page for this ingredient, or correct its spelling in the title.' },
  'link-unresolved-generic': { severity: 'warning', hint: 'Point `generic_slug` / `combination_slug` at an existing composition or combination page.' },
  'duplicate-source': { severity: 'info', hint: 'The same drug exists in two sources; the richer one is shown first and the other is kept as an alternate.' },
  'slug-collision': { severity: 'warning', hint: 'Two files map to the same URL; rename one of them.' },
  'slug-changed': { severity: 'info', hint: 'The file name is not URL-safe; the page is published under the safe slug and the old URL redirects.' },
  // brand catalogs (CSV) and the banned registry
  'brand-file-unreadable': { severity: 'error', hint: 'Check the path given to --brands; the file must exist and be readable.' },
  'brand-layout-unknown': { severity: 'error', hint: 'Use one of the supported CSV layouts; the message lists the columns each one needs.' },
  'brand-row-invalid': { severity: 'warning', hint: 'Fix the row (it has no brand name or is malformed); it was skipped.' },
  'brand-field-invalid': { severity: 'warning', hint: 'Fix the value in this column (e.g. a price must be a number); it was ignored.' },
  'brand-composition-unparsed': { severity: 'warning', hint: 'Write the composition as `Name (strength) + Name (strength)`; the brand cannot be linked or compared without it.' },
  'brand-pack-unparsed': { severity: 'info', hint: 'Write the pack as `strip of 10 tablets` or `bottle of 100 ml Syrup` so a price per unit can be computed.' },
  'brand-unlinked': { severity: 'info', hint: 'No composition or combination page matches this brand\'s ingredients; add the page or correct the spelling.' },
  'brand-duplicate': { severity: 'info', hint: 'The same brand name appears more than once; the rows were merged (the first with a price is primary).' },
  'banned-registry-invalid': { severity: 'warning', hint: 'Each registry entry needs `composition` and a `status` of banned, suspended, stayed or revoked; the entry was ignored.' },
  'banned-registry-unmatched': { severity: 'info', hint: 'The registry names a composition with no page; check its spelling.' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

/** Make a diagnostic with the code's default severity and hint. */
export function diag(
  code: DiagnosticCode,
  file: string,
  message: string,
  at: Position = { line: 1 },
  overrides: { severity?: Severity; hint?: string } = {},
): Diagnostic {
  const info: CodeInfo = CODES[code];
  const d: Diagnostic = {
    code,
    severity: overrides.severity ?? info.severity,
    message,
    hint: overrides.hint ?? info.hint,
    file,
    line: Math.max(1, at.line),
    column: Math.max(1, at.column ?? 1),
  };
  if (at.endLine !== undefined) d.endLine = at.endLine;
  if (at.path !== undefined) d.path = at.path;
  return d;
}
