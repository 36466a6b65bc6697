import type { Kind } from '../model/index.js';
import type { NormalizeResult } from '../normalize/index.js';
import type { Span } from './finding.js';

/** One content file as the checks see it: its text and what the normalizer made of it. */
export interface CheckFile {
  /** Display path (`rxhive-astro/compositions/x.md`), as in diagnostics. */
  file: string;
  /** Absolute path, for `--fix`; null for text that is not on disk (tests). */
  abs: string | null;
  /** Kind implied by the folder (Astro layout), as `discover` gives it. */
  kindHint: Kind | null;
  /** Decoded text (BOM removed, line endings `\n`, line numbers as in the file); null when the file could not be read as text. */
  text: string | null;
  result: NormalizeResult;
}

const FENCE = /^---[ \t]*$/;
const END_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Line-oriented access to a file's text for positioned findings: lines, where the frontmatter ends
 * and the body starts, and spans of matches. Lines are 1-based as everywhere in diagnostics.
 */
export class SourceView {
  readonly lines: readonly string[];
  /** Last line of the frontmatter block (its closing fence), or 0 when there is none. */
  readonly frontmatterEnd: number;

  constructor(text: string | null) {
    this.lines = text === null ? [] : text.split('\n');
    let end = 0;
    if (FENCE.test(this.lines[0] ?? '')) {
      for (let i = 1; i < this.lines.length; i++) {
        if (END_FENCE.test(this.lines[i]!)) {
          end = i + 1;
          break;
        }
      }
    }
    this.frontmatterEnd = end;
  }

  /** File line of the body's first line. */
  get bodyStart(): number {
    return this.frontmatterEnd + 1;
  }

  /** The text of a 1-based line ('' beyond the file). */
  line(n: number): string {
    return this.lines[n - 1] ?? '';
  }

  /** The whole of lines `from`..`to` (inclusive), from the first non-blank character to the end of the last line. */
  spanOfLines(from: number, to: number = from): Span {
    const first = Math.max(1, Math.min(from, this.lines.length || 1));
    const last = Math.max(first, Math.min(to, this.lines.length || 1));
    const text = this.line(first);
    const indent = text.length - text.trimStart().length;
    return { line: first, column: indent + 1, endLine: last, endColumn: this.line(last).length + 1 };
  }

  /** `length` characters at 0-based `index` of line `n`. */
  spanAt(n: number, index: number, length: number): Span {
    return { line: n, column: index + 1, endLine: n, endColumn: index + 1 + Math.max(1, length) };
  }

  /**
   * The first match of `re` on lines `from`..`to`, as a span (and the match). `re` must not be global.
   */
  find(re: RegExp, from: number, to: number = this.lines.length): { span: Span; match: RegExpExecArray } | null {
    for (let n = Math.max(1, from); n <= Math.min(to, this.lines.length); n++) {
      const m = re.exec(this.lines[n - 1]!);
      if (m) return { span: this.spanAt(n, m.index, m[0].length), match: m };
    }
    return null;
  }

  /** Every match of the global `re` on lines `from`..`to`, with its line. */
  *matches(re: RegExp, from: number, to: number = this.lines.length): Generator<{ line: number; match: RegExpExecArray }> {
    if (!re.global) throw new Error(`check: matches() needs a global regex, got ${String(re)}`);
    for (let n = Math.max(1, from); n <= Math.min(to, this.lines.length); n++) {
      const text = this.lines[n - 1]!;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        yield { line: n, match: m };
        if (m[0].length === 0) re.lastIndex++;
      }
    }
  }
}
