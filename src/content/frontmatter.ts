import yaml from 'js-yaml';
import { diag, type Diagnostic } from '../diagnostics/index.js';
import type { ReadLimits } from './read-source.js';

export interface Frontmatter {
  /** The parsed mapping. Values are `unknown` until a schema reads them. */
  data: Record<string, unknown>;
  /** Lines of the block including both `---` fences (1-based, inclusive). */
  startLine: number;
  endLine: number;
  /** Top-level key → 1-based line in the file. */
  keyLines: Map<string, number>;
}

export interface SplitResult {
  frontmatter: Frontmatter | null;
  /** Body text (after the closing fence), and the file line its first line is on. */
  body: string;
  bodyStartLine: number;
  diagnostics: Diagnostic[];
}

const FENCE = /^---[ \t]*$/;
const END_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Split `---` YAML frontmatter from the markdown body and parse it with js-yaml (JSON schema: no
 * custom types), refusing alias bombs and oversized blocks. Error positions come from js-yaml's marks.
 */
export function readFrontmatter(file: string, text: string, limits: ReadLimits): SplitResult {
  const diagnostics: Diagnostic[] = [];
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    diagnostics.push(
      diag('frontmatter-missing', file, 'The file does not start with a `---` frontmatter block, so it has no title or metadata.'),
    );
    return { frontmatter: null, body: text, bodyStartLine: 1, diagnostics };
  }
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (END_FENCE.test(lines[i] ?? '')) {
      close = i;
      break;
    }
  }
  if (close < 0) {
    diagnostics.push(
      diag('frontmatter-unterminated', file, 'The frontmatter block opened on line 1 is never closed by a `---` line.', { line: 1, endLine: lines.length }),
    );
    return { frontmatter: null, body: text, bodyStartLine: 1, diagnostics };
  }
  const yamlText = lines.slice(1, close).join('\n');
  const body = lines.slice(close + 1).join('\n');
  const bodyStartLine = close + 2;
  if (Buffer.byteLength(yamlText) > limits.maxFrontmatterBytes) {
    diagnostics.push(
      diag('file-too-large', file, `The frontmatter is over ${limits.maxFrontmatterBytes} bytes.`, { line: 1, endLine: close + 1 }),
    );
    return { frontmatter: null, body, bodyStartLine, diagnostics };
  }
  let data: unknown;
  try {
    data = yaml.load(yamlText, { schema: yaml.JSON_SCHEMA, json: true, filename: file });
  } catch (e) {
    const err = e as { reason?: string; message: string; mark?: { line: number; column: number } };
    const at = err.mark ? { line: err.mark.line + 2, column: err.mark.column + 1 } : { line: 2 };
    diagnostics.push(diag('frontmatter-invalid-yaml', file, `The frontmatter is not valid YAML: ${err.reason ?? firstLine(err.message)}.`, at));
    return { frontmatter: null, body, bodyStartLine, diagnostics };
  }
  const aliases = countShared(data);
  if (aliases > limits.maxYamlAliases) {
    diagnostics.push(
      diag('frontmatter-alias-limit', file, `The frontmatter uses ${aliases} YAML aliases (limit ${limits.maxYamlAliases}); it looks like an alias bomb and was refused.`, {
        line: 2,
      }),
    );
    return { frontmatter: null, body, bodyStartLine, diagnostics };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(diag('frontmatter-not-mapping', file, 'The frontmatter is not a set of `key: value` fields.', { line: 2 }));
    return { frontmatter: null, body, bodyStartLine, diagnostics };
  }
  const keyLines = new Map<string, number>();
  const yamlLines = yamlText.split('\n');
  for (let i = 0; i < yamlLines.length; i++) {
    const m = TOP_KEY.exec(yamlLines[i]!);
    if (m && !keyLines.has(m[1]!)) keyLines.set(m[1]!, i + 2);
  }
  return {
    frontmatter: { data: data as Record<string, unknown>, startLine: 1, endLine: close + 1, keyLines },
    body,
    bodyStartLine,
    diagnostics,
  };
}

const TOP_KEY = /^["']?([A-Za-z_][\w-]*)["']?\s*:/;
/**
 * How many times a node is reached again through an alias. js-yaml shares aliased nodes instead of
 * copying them (so parsing a "billion laughs" block is cheap), but anything that serializes the
 * data would expand them; monographs never need aliases, so they are counted and refused.
 */
function countShared(data: unknown): number {
  const seen = new Set<object>();
  let shared = 0;
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (seen.has(v)) {
      shared++;
      return;
    }
    seen.add(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x);
  };
  walk(data);
  return shared;
}

const firstLine = (s: string): string => (s.split('\n')[0] ?? s).trim();
