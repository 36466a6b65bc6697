import { readFrontmatterFaqs } from '../../normalize/faqs.js';
import type { CheckFile } from '../source.js';
import { frontmatterField, replaceFrontmatterField } from './frontmatter-edit.js';

const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * The file with its damaged frontmatter FAQs repaired: the question cut before its `**`, the answer
 * without its `A:**` prefix (the loader's repair), and where the body's FAQ section has the same
 * question with the same words, the body's wording. An answer that says something else than the
 * body's stays as it is (that is `faq-frontmatter-differs`, for an editor). Null when nothing is damaged.
 */
export function fixFaqs(file: CheckFile): string | null {
  const m = file.result.monograph;
  if (!m || file.text === null) return null;
  const raw = frontmatterField(file.text, 'faqs');
  if (!Array.isArray(raw)) return null;
  const repaired = readFrontmatterFaqs(raw, file.file, 1, []);
  // Every item must have been read, or the list would lose one.
  if (repaired.length !== raw.length || !repaired.some((f) => f.damaged)) return null;
  const body = new Map<string, { question: string; answer: string }>();
  for (const f of m.faqs) if (f.origin !== 'frontmatter' && !body.has(key(f.question))) body.set(key(f.question), f);
  const items = raw.map((item: unknown, i) => {
    const rec = item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    const fixed = repaired[i]!;
    const b = body.get(key(fixed.question));
    const same = b !== undefined && key(b.answer) === key(fixed.answer);
    const qKey = typeof rec['q'] === 'string' || !('question' in rec) ? 'q' : 'question';
    const aKey = 'a' in rec || !('answer' in rec) ? 'a' : 'answer';
    return { ...rec, [qKey]: same ? b.question : fixed.question, [aKey]: same ? b.answer : fixed.answer };
  });
  return replaceFrontmatterField(file.text, 'faqs', items);
}
