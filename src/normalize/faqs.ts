import { md } from '../content/index.js';
import { diag, type Diagnostic } from '../diagnostics/index.js';
import type { Faq } from '../model/index.js';

export interface FaqDraft {
  question: string;
  answer: string;
  line: number;
}

// `### **Q1: question?**`, `### Q2: question?`, `* **Q: question?** A: answer`, `**Q: question?** answer`,
// `**Q1. question?**`; the answer may follow on the same line or on the next lines.
const Q_BOLD = /^\s{0,3}(?:[-*+]\s+)?(?:#{1,6}\s+)?\*\*\s*Q\s*\d*\s*[:.)]\s*(.+?)\s*\*\*\s*:?\s*(.*)$/;
const Q_BOLD_LABEL = /^\s{0,3}(?:[-*+]\s+)?(?:#{1,6}\s+)?\*\*\s*Q\s*\d*\s*[:.)]\s*\*\*\s*(.+?)$/;
const Q_HEADING = /^\s{0,3}#{1,6}\s+Q\s*\d*\s*[:.)]\s*(.+?)\s*$/;
// `* **Is this vaccine safe?**  Yes, …`: a bold question without a `Q:` label (rxhive-jekyll).
const Q_BOLD_QUESTION = /^\s{0,3}(?:[-*+]\s+)?(?:#{1,6}\s+)?\*\*\s*([^*]+?\?)\s*\*\*\s*:?\s*(.*)$/;
const A_PREFIX = /^\s*(?:[-*+]\s+)?(?:\*\*\s*A\s*[:.]?\s*\*\*\s*:?|A\s*[:.]\*\*|A\s*:)\s*/;

/** Split a question that carries its answer inline: `question? **A:** answer` / `question? A: answer`. */
function splitInline(q: string): [string, string] {
  const m = /^(.*?\?)\s*(?:\*\*)?\s*A\s*:\s*(?:\*\*)?\s*(.*)$/.exec(q);
  return m ? [m[1]!.trim(), m[2]!.trim()] : [q.trim(), ''];
}

/**
 * FAQ pairs from the lines of a body's FAQ section. `lines` are the section's source lines and
 * `firstLine` the file line of `lines[0]`.
 */
export function parseBodyFaqs(lines: readonly string[], firstLine: number): FaqDraft[] {
  const out: FaqDraft[] = [];
  let cur: { question: string; answer: string[]; line: number } | null = null;
  const flush = (): void => {
    if (cur) out.push({ question: cur.question, answer: cur.answer.join('\n').trim(), line: cur.line });
    cur = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let m = Q_BOLD.exec(line);
    let question: string | null = null;
    let rest = '';
    if (m) {
      question = m[1]!;
      rest = m[2]!;
    } else if ((m = Q_BOLD_LABEL.exec(line))) {
      [question, rest] = splitInline(m[1]!);
    } else if ((m = Q_HEADING.exec(line))) {
      question = m[1]!.replace(/\*\*/g, '');
    } else if ((m = Q_BOLD_QUESTION.exec(line))) {
      question = m[1]!;
      rest = m[2]!;
    }
    if (question !== null) {
      flush();
      const [q, inlineAnswer] = splitInline(question);
      cur = { question: q, answer: [], line: firstLine + i };
      const a = (inlineAnswer || rest).replace(A_PREFIX, '').trim();
      if (a) cur.answer.push(a);
      continue;
    }
    if (cur === null) continue;
    const c: { answer: string[] } = cur;
    if (/^\s*\*\*Disclaimer/i.test(line)) {
      flush();
      continue;
    }
    const text = c.answer.length === 0 ? line.replace(A_PREFIX, '') : line;
    if (text.trim() === '' && c.answer.length === 0) continue;
    c.answer.push(text.replace(/^\s{0,3}(?=\S)/, ''));
  }
  flush();
  return out.filter((f) => f.question.length > 0);
}

export interface FrontmatterFaq {
  question: string;
  answer: string;
  damaged: boolean;
  path: string;
}

/**
 * Read frontmatter `faqs`, repairing the known damage: `q` holds the question, `**`, then the answer
 * again after `**A:**`; `a` starts with `A:**`.
 */
export function readFrontmatterFaqs(value: unknown, file: string, line: number, diagnostics: Diagnostic[]): FrontmatterFaq[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    diagnostics.push(diag('frontmatter-field-type', file, '`faqs` should be a list of `{q, a}` pairs.', { line, path: 'faqs' }));
    return [];
  }
  const out: FrontmatterFaq[] = [];
  value.forEach((item: unknown, i) => {
    const rec = item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    const q = typeof rec['q'] === 'string' ? rec['q'] : typeof rec['question'] === 'string' ? rec['question'] : null;
    const a = typeof rec['a'] === 'string' ? rec['a'] : typeof rec['answer'] === 'string' ? rec['answer'] : '';
    if (q === null) {
      diagnostics.push(diag('frontmatter-field-type', file, `FAQ ${i + 1} has no question text (\`q\`).`, { line, path: `faqs[${i}].q` }));
      return;
    }
    let question = q.trim();
    let answer = a.trim();
    let damaged = false;
    const cut = question.indexOf('**');
    if (cut >= 0) {
      const tail = question.slice(cut).replace(/\*\*/g, '').replace(/^\s*A\s*:\s*/, '').trim();
      question = question.slice(0, cut).trim();
      damaged = true;
      if (!answer) answer = tail;
    }
    if (/^A\s*:\s*\*\*/.test(answer) || /^\*\*A:\*\*/.test(answer)) {
      answer = answer.replace(/^(?:A\s*:\s*\*\*|\*\*A:\*\*)\s*/, '');
      damaged = true;
    }
    out.push({ question: question.replace(/\s+/g, ' '), answer, damaged, path: `faqs[${i}]` });
  });
  return out;
}

/** A question or answer compared without case, spaces or punctuation. */
const textKey = (q: string): string => q.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * `textKey(a) === textKey(b)`, without making the keys: answers are long and most pairs differ
 * early (making both keys of every pair was 4 % of normalizing a page). Any other than ASCII
 * character met on the way falls back to the keys (lowercasing it may give several letters).
 */
export function sameText(a: string, b: string): boolean {
  const pa = { i: 0 };
  const pb = { i: 0 };
  for (;;) {
    const x = nextKeyChar(a, pa);
    const y = nextKeyChar(b, pb);
    if (x === BEYOND_ASCII || y === BEYOND_ASCII) return textKey(a) === textKey(b);
    if (x !== y) return false;
    if (x === -1) return true;
  }
}

const BEYOND_ASCII = -2;

/** The next character of `s`'s key from `at.i` on, lowercased: -1 at the end, `BEYOND_ASCII` at such a character. */
function nextKeyChar(s: string, at: { i: number }): number {
  while (at.i < s.length) {
    const c = s.charCodeAt(at.i++);
    if (c > 127) return BEYOND_ASCII;
    const l = c >= 65 && c <= 90 ? c + 32 : c;
    if ((l >= 97 && l <= 122) || (l >= 48 && l <= 57)) return l;
  }
  return -1;
}

/** One FAQ list: the body's pairs in order, frontmatter-only pairs appended, origins recorded. */
export function reconcileFaqs(
  body: FaqDraft[],
  front: FrontmatterFaq[],
  file: string,
  frontLine: number,
  diagnostics: Diagnostic[],
): Faq[] {
  const byQ = new Map(front.map((f) => [textKey(f.question), f]));
  const bodyKeys = body.map((b) => textKey(b.question));
  const used = new Set<string>();
  const out: Faq[] = body.map((b, i) => {
    const k = bodyKeys[i]!;
    const f = byQ.get(k);
    if (f) used.add(k);
    return {
      question: b.question,
      answer: b.answer,
      answerHtml: renderAnswer(b.answer),
      origin: f ? 'body+frontmatter' : 'body',
      repaired: f?.damaged ?? false,
      line: b.line,
    };
  });
  let differs = 0;
  const bodyByQ = new Map<string, FaqDraft>();
  body.forEach((b, i) => {
    if (!bodyByQ.has(bodyKeys[i]!)) bodyByQ.set(bodyKeys[i]!, b);
  });
  for (const f of front) {
    const k = textKey(f.question);
    if (used.has(k)) {
      const b = bodyByQ.get(k);
      if (b && !sameText(b.answer, f.answer)) differs++;
      continue;
    }
    if (body.length > 0) differs++;
    out.push({ question: f.question, answer: f.answer, answerHtml: renderAnswer(f.answer), origin: 'frontmatter', repaired: f.damaged, line: frontLine });
  }
  const damaged = front.filter((f) => f.damaged).length;
  if (damaged > 0) {
    diagnostics.push(
      diag('faq-frontmatter-damaged', file, `${damaged} of ${front.length} frontmatter FAQs were damaged (answer inside the question, \`A:**\` prefixes) and were repaired.`, {
        line: frontLine,
        path: 'faqs',
      }),
    );
  }
  if (differs > 0) {
    diagnostics.push(
      diag('faq-frontmatter-differs', file, `${differs} frontmatter FAQ(s) differ from the FAQ section of the body; the body's wording is shown.`, {
        line: frontLine,
        path: 'faqs',
      }),
    );
  }
  return out;
}

export function renderAnswer(answer: string): string {
  return md.render(answer);
}
