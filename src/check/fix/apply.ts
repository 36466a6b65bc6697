import { readFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import writeFileAtomic from 'write-file-atomic';
import { digestOf } from '../../content/index.js';
import type { NormalizeResult } from '../../normalize/index.js';
import { checkFileOf } from '../load.js';
import type { QualityCode, CheckCode } from '../rules-doc.js';
import type { CheckFile } from '../source.js';
import { fixDescription } from './description-fix.js';
import { fixFaqs } from './faq-fix.js';
import { fixHeadings } from './heading-fix.js';

/** A safe, mechanical fix: the text of the file after it, or null when it has nothing to do. */
interface Fixer {
  code: CheckCode;
  fix(file: CheckFile): string | null;
}

/** In this order: frontmatter first (description, FAQs), then the body's headings. */
const FIXERS: readonly Fixer[] = [
  { code: 'description-damaged', fix: fixDescription },
  { code: 'faq-frontmatter-damaged', fix: fixFaqs },
  { code: 'heading-markup' satisfies QualityCode, fix: fixHeadings },
];

/** One file that a fix changed. */
export interface FileFix {
  file: string;
  abs: string | null;
  /** The codes whose fixes changed the file. */
  applied: CheckCode[];
  before: string;
  after: string;
  /** The file read again from the fixed text (what the checks see after the fix). */
  fixed: CheckFile;
}

/**
 * What a page says, for the guard that a fix never changes medical content: title, kind, status,
 * dates, every section's heading and rendered HTML, every FAQ's question and answer. Only the
 * description (regenerated) and markup that renders the same may differ.
 */
export function contentFingerprint(r: NormalizeResult): string {
  const m = r.monograph;
  if (!m) return 'null';
  const sections = (list: typeof m.sections): unknown[] => list.map((s) => [s.id, s.heading, s.html, s.subsections.map((x) => [x.id, x.title])]);
  return JSON.stringify([
    m.title,
    m.kind,
    m.isBanned,
    m.lastModified,
    m.ingredients,
    m.genericName,
    m.brandNames,
    m.synonyms,
    m.drugClass?.text ?? null,
    m.notAProduct?.text ?? null,
    sections(m.sections),
    m.perIngredient.map((g) => [g.ingredient, sections(g.sections)]),
    m.faqs.map((f) => [f.question, f.answer]),
  ]);
}

/**
 * Apply every safe fix to one file, each on the result of the previous one. A fix whose result
 * reads back with different content (the fingerprint above) is dropped, so a fix can never change
 * what a page says. Files that could not be decoded losslessly (not UTF-8) are never fixed.
 */
export function fixFile(file: CheckFile): FileFix | null {
  if (file.text === null || !file.result.monograph) return null;
  if (file.result.diagnostics.some((d) => d.code === 'file-encoding')) return null;
  let current = file;
  const applied: CheckCode[] = [];
  for (const fixer of FIXERS) {
    const next = fixer.fix(current);
    if (next === null || next === current.text) continue;
    const candidate = checkFileOf({ abs: file.abs, file: file.file, kindHint: file.kindHint }, Buffer.from(next, 'utf8'));
    if (!candidate.result.monograph || contentFingerprint(candidate.result) !== contentFingerprint(current.result)) continue;
    current = candidate;
    applied.push(fixer.code);
  }
  if (applied.length === 0 || current.text === file.text) return null;
  return { file: file.file, abs: file.abs, applied, before: file.text, after: current.text!, fixed: current };
}

/** `diff -u` style patch of one fix, paths as `a/<file>` and `b/<file>`. */
export function unifiedDiff(fix: FileFix): string {
  return createTwoFilesPatch(`a/${fix.file}`, `b/${fix.file}`, fix.before, fix.after, undefined, undefined, { context: 3 });
}

/** Why a fixed file was not written, or null when it was. */
export type WriteOutcome = { file: string; written: true } | { file: string; written: false; reason: string };

/**
 * Write a fixed file atomically (a temporary file beside it, then a rename: write-file-atomic),
 * keeping its byte-order mark and line endings. Refused when the file changed on disk since it
 * was read, so an editor's concurrent change is never overwritten.
 */
export function writeFix(fix: FileFix, expectedDigest: string): WriteOutcome {
  if (fix.abs === null) return { file: fix.file, written: false, reason: 'the text is not from a file' };
  let bytes: Buffer;
  try {
    bytes = readFileSync(fix.abs);
  } catch (e) {
    return { file: fix.file, written: false, reason: `it could not be read again: ${(e as Error).message}` };
  }
  if (digestOf(bytes) !== expectedDigest) return { file: fix.file, written: false, reason: 'it changed on disk while the check ran' };
  const text = bytes.toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const crlf = text.includes('\r\n');
  const out = bom + (crlf ? fix.after.replace(/\n/g, '\r\n') : fix.after);
  try {
    writeFileAtomic.sync(fix.abs, out, { encoding: 'utf8' });
  } catch (e) {
    return { file: fix.file, written: false, reason: `it could not be written: ${(e as Error).message}` };
  }
  return { file: fix.file, written: true };
}
