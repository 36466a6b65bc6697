import { DEFAULT_LIMITS } from '../../src/content/index.js';
import type { FixtureCase } from './fixtures.js';

/**
 * Every fixture under test/fixtures, with the path it is normalized under and the defect it pins.
 * A fixture folder missing from this table fails the golden suite.
 */
export const CASES: FixtureCase[] = [
  // the five seed monographs (../shared/seeds), byte for byte
  { name: 'seed-itolizumab', file: 'rxhive-astro/compositions/itolizumab.md', kindHint: 'composition', about: 'rich format, damaged frontmatter FAQs, description starting with "- " and cut with "..."' },
  { name: 'seed-inotuzumab-ozogamicin', file: 'rxhive-astro/compositions/inotuzumab-ozogamicin.md', kindHint: 'composition', about: 'rich format, title misspelt "Ozogamacin", nested dosage lists with mg/m²' },
  { name: 'seed-ibalizumab', file: 'rxhive-jekyll/composition/i/ibalizumab.md', kindHint: null, about: 'minimal format, `* **Q: …?** A: …` FAQs, Precautions prose, Disclaimer paragraph' },
  { name: 'seed-alemtuzumab', file: 'rxhive-astro/compositions/alemtuzumab.md', kindHint: 'composition', about: 'rich format, description is only the lead-in line "…treatment of:", brand names in prose' },
  { name: 'seed-isatuximab', file: 'rxhive-jekyll/composition/i/isatuximab.md', kindHint: null, about: 'minimal format, `**Q: …?** answer` FAQ lines, bold labels inside Dosage' },
  // real variants, cut down from rxhive-astro / rxhive-jekyll pages
  { name: 'heading-plain-trailing-colon', file: 'rxhive-astro/compositions/garenoxacin.md', kindHint: 'composition', about: 'headings without bold, with a trailing colon, trailing spaces, and `**Special Cases**:`' },
  { name: 'heading-text-on-line', file: 'rxhive-astro/compositions/clostridium-butryricum.md', kindHint: 'composition', about: '`#### **Children:** Safety…` and `### **Dosage Adjustments:** text`: heading plus paragraph' },
  { name: 'bullets-nested-key-value', file: 'rxhive-astro/compositions/inotuzumab-ozogamicin.md', kindHint: 'composition', about: '`-`, `*` and `*   ` bullets, nested dosage lists, `**Key:** value` bullets' },
  { name: 'jekyll-inline-style', file: 'rxhive-jekyll/composition/b/bacillus-mesentericus-to-a-jpc-clostridium-butryricum-to-a-lactic-acid-bacillus-streptococcus-faecalis-t-.md', kindHint: null, about: 'old inline style: `**Generic Name:** …`, `**Usage:**` paragraphs, no ### headings; file name ending in "-"' },
  { name: 'per-ingredient-sections', file: 'rxhive-jekyll/composition/a/acebrophylline-acetylcysteine.md', kindHint: null, about: '`### Acebrophylline Usage` per-ingredient sections, "typically not combined" note' },
  { name: 'ingredient-name-headings', file: 'rxhive-jekyll/composition/m/mebeverine-alprazolam.md', kindHint: null, about: '`### Mebeverine` ingredient-name headings with inline `**Usage:**` labels; "not a standard, pre-made pharmaceutical product"' },
  { name: 'not-a-product', file: 'rxhive-jekyll/composition/b/benzocaine-chlorbutol-paradichlorobenzene-turpentine-oil.md', kindHint: null, about: 'a page saying the combination is not a recognized formulation' },
  { name: 'crlf-bom', file: 'rxhive-jekyll/composition/i/ibalizumab.md', kindHint: null, about: 'UTF-8 BOM and CRLF line endings: same lines and columns as LF' },
  { name: 'nav-exclude', file: 'rxhive-jekyll/composition/d/diphtheria-toxoid-tetanus-toxoid-pertussis-toxoid-filamentous-haemagglutinin-poliomyelitis-virus-type_trunc.md', kindHint: null, about: '`nav_exclude: true` kept in `extra`; FAQ bullets `* **Question?** answer` without "Q:"' },
  { name: 'ringers-lactate-file-name', file: "rxhive-astro/compositions/ringer's-lactate.md", kindHint: 'composition', about: 'apostrophe in the file name: slug `ringers-lactate`, alias kept, `slug-changed`' },
  { name: 'brand-medicine', file: 'rxhive-astro/medicines/crocin-650.md', kindHint: 'medicine', about: 'brand page frontmatter: type, generic_slug, company, strength, pack_size, mrp' },
  // broken files: refused (or loaded with a warning) with a positioned diagnostic, never a crash
  { name: 'broken-empty', file: 'synthetic/z/zoraltinib.md', kindHint: null, about: 'empty file' },
  { name: 'broken-no-frontmatter', file: 'synthetic/z/zoraltinib.md', kindHint: null, about: 'no frontmatter block' },
  { name: 'broken-unterminated-frontmatter', file: 'synthetic/z/zoraltinib.md', kindHint: null, about: 'frontmatter never closed' },
  { name: 'broken-invalid-yaml', file: 'synthetic/z/zoraltinib.md', kindHint: null, about: 'unclosed flow sequence in the frontmatter' },
  { name: 'broken-missing-title', file: 'synthetic/u/untitled.md', kindHint: null, about: 'frontmatter without title' },
  { name: 'broken-binary', file: 'synthetic/z/zoraltinib.md', kindHint: null, about: 'binary bytes (NUL) in a .md file' },
  { name: 'broken-yaml-alias-bomb', file: 'synthetic/b/bomb.md', kindHint: null, about: '"billion laughs" YAML aliases' },
  { name: 'broken-script-injection', file: 'synthetic/z/zoraltinib.md', kindHint: null, about: '<script>, onerror= and javascript: in the body: loads, warned, never rendered live' },
  { name: 'broken-oversized', file: 'synthetic/i/isatuximab.md', kindHint: null, limits: { ...DEFAULT_LIMITS, maxFileBytes: 100 }, about: 'file over maxFileBytes' },
  { name: 'broken-invalid-utf8', file: 'synthetic/i/isatuximab.md', kindHint: null, about: 'invalid UTF-8 bytes: loads with a positioned file-encoding warning' },
  { name: 'broken-frontmatter-not-mapping', file: 'synthetic/i/isatuximab.md', kindHint: null, about: 'frontmatter is a YAML list, not key/value fields' },
];

export function caseNamed(name: string): FixtureCase {
  const c = CASES.find((x) => x.name === name);
  if (!c) throw new Error(`test: no fixture case "${name}"`);
  return c;
}
