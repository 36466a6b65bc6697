import yaml from 'js-yaml';
import { isMap, isPair, isScalar, parseDocument, stringify } from 'yaml';

const FENCE = /^---[ \t]*$/;
const END_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Replace the value of one top-level frontmatter field, leaving every other byte of the file as
 * it was (the `yaml` package gives each node's source range; the new value is written with its
 * stringifier). Returns null when the file has no such field or the result would not read back
 * (with the loader's js-yaml) as exactly `value`.
 *
 * @example replaceFrontmatterField(text, 'description', 'Paracetamol relieves pain and fever.')
 */
export function replaceFrontmatterField(text: string, key: string, value: unknown): string | null {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return null;
  const close = lines.findIndex((l, i) => i > 0 && END_FENCE.test(l));
  if (close < 0) return null;
  const head = lines[0]! + '\n';
  const source = lines.slice(1, close).join('\n');
  const doc = parseDocument(source, { keepSourceTokens: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const pair = doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  const start = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  const valueNode = pair?.value as { range?: [number, number, number] } | null | undefined;
  const end = valueNode?.range?.[1] ?? (pair && isScalar(pair.key) ? pair.key.range?.[1] : undefined);
  if (start === undefined || end === undefined) return null;
  let chunk = stringify({ [key]: value }, { lineWidth: 80, minContentWidth: 20 }).replace(/\n$/, '');
  if (source.slice(start, end).endsWith('\n')) chunk += '\n';
  const edited = source.slice(0, start) + chunk + source.slice(end);
  // The loader must read back exactly what was meant, and every other field unchanged.
  let before: unknown;
  let after: unknown;
  try {
    before = yaml.load(source, { schema: yaml.JSON_SCHEMA, json: true });
    after = yaml.load(edited, { schema: yaml.JSON_SCHEMA, json: true });
  } catch {
    return null;
  }
  if (!isRecord(before) || !isRecord(after)) return null;
  const expected = { ...before, [key]: value };
  if (JSON.stringify(after) !== JSON.stringify(expected)) return null;
  return head + edited + '\n' + lines.slice(close).join('\n');
}

/** The raw value of a top-level frontmatter field as js-yaml (the loader) reads it, or undefined. */
export function frontmatterField(text: string, key: string): unknown {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return undefined;
  const close = lines.findIndex((l, i) => i > 0 && END_FENCE.test(l));
  if (close < 0) return undefined;
  try {
    const data = yaml.load(lines.slice(1, close).join('\n'), { schema: yaml.JSON_SCHEMA, json: true });
    return isRecord(data) ? data[key] : undefined;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
