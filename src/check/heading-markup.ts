import type { Monograph } from '../model/index.js';
import type { SourceView } from './source.js';

/** One heading line and how it reads without bold markup, trailing colon and extra spaces. */
export interface HeadingRewrite {
  line: number;
  before: string;
  after: string;
}

const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*$/;
const BOLD = /^(?:\*\*([^*]+?)\*\*|__([^_]+?)__)[ \t]*:?$/;
const PLAIN_COLON = /^([^*_`[\]]+?)[ \t]*:$/;
const QUESTION = /\?\s*$|^\W*Q\s*\d*\s*[:.)]/i;

/**
 * Headings whose markup can be normalized without changing what the page shows: `## **Usage**` →
 * `## Usage`, `#### **Adults:**` → `#### Adults`, `### Usage:` → `### Usage`. Left alone: headings
 * with text after a bold label (`### **Dosage Adjustments:** text`), FAQ question headings and
 * everything inside the FAQ section, closing `#` sequences, and fenced code.
 */
export function headingRewrites(view: SourceView, m: Monograph): HeadingRewrite[] {
  const faqs = m.sections.filter((s) => s.id.replace(/-\d+$/, '') === 'faqs').map((s) => s.range);
  const out: HeadingRewrite[] = [];
  let fence: string | null = null;
  for (let n = view.bodyStart; n <= view.lines.length; n++) {
    const line = view.line(n);
    const first = line.trimStart()[0];
    if (first !== '#' && first !== '`' && first !== '~') continue;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1]!;
      else if (f[1]!.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = ATX.exec(line);
    if (!h) continue;
    if (faqs.some((r) => n > r.start && n <= r.end)) continue;
    const inline = h[2]!;
    if (/[ \t]#+$/.test(inline) || inline === '') continue;
    const bold = BOLD.exec(inline);
    const plain = bold ? null : PLAIN_COLON.exec(inline);
    const text = (bold ? (bold[1] ?? bold[2]!) : plain ? plain[1]! : inline).trim().replace(/[ \t]*:$/, '').trim();
    if (text === '' || QUESTION.test(text) || /[*_]{2}/.test(text)) continue;
    const after = `${h[1]!} ${text}`;
    if (after !== line) out.push({ line: n, before: line, after });
  }
  return out;
}
