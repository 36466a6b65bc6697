import { createHash } from 'node:crypto';
import { diag, type Diagnostic } from '../diagnostics/index.js';

/** Limits applied while reading content; bad input is refused with a diagnostic, never a crash. */
export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest frontmatter block accepted, in bytes. */
  maxFrontmatterBytes: number;
  /** YAML aliases allowed in a frontmatter block (monographs need none). */
  maxYamlAliases: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxFileBytes: 2 * 1024 * 1024, maxFrontmatterBytes: 256 * 1024, maxYamlAliases: 10 };

export interface SourceText {
  /** Display path used in diagnostics. */
  file: string;
  /** Text with the BOM removed and line endings normalized to `\n` (line numbers unchanged). */
  text: string;
  /** sha256 of the raw bytes, hex, 16 chars. */
  digest: string;
  bytes: number;
}

export const digestOf = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LOOSE_UTF8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decode a file's bytes into text, or explain why it cannot be used. */
export function decodeSource(
  file: string,
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_LIMITS,
): { source: SourceText | null; diagnostics: Diagnostic[] } {
  const { text, diagnostics } = decode(file, bytes, limits);
  return { source: text === null ? null : { file, text, digest: digestOf(bytes), bytes: bytes.length }, diagnostics };
}

/**
 * The text `decodeSource` gives, without the digest (for reading a file again after it was
 * normalized: the quality checks of a build re-read every file, and hashing it again was 4 % of that).
 */
export function decodeText(file: string, bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): string | null {
  return decode(file, bytes, limits).text;
}

function decode(file: string, bytes: Uint8Array, limits: ReadLimits): { text: string | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length > limits.maxFileBytes) {
    diagnostics.push(diag('file-too-large', file, `The file is ${bytes.length} bytes, over the limit of ${limits.maxFileBytes} bytes.`));
    return { text: null, diagnostics };
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    diagnostics.push(diag('file-binary', file, 'The file contains NUL bytes: it is binary, not a markdown monograph.'));
    return { text: null, diagnostics };
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    text = LOOSE_UTF8.decode(bytes);
    const at = lineOfFirst(text, '\uFFFD');
    diagnostics.push(diag('file-encoding', file, 'The file is not valid UTF-8.', { line: at.line, column: at.column }));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    diagnostics.push(diag('file-empty', file, 'The file is empty.'));
    return { text: null, diagnostics };
  }
  return { text, diagnostics };
}

function lineOfFirst(text: string, needle: string): { line: number; column: number } {
  const i = text.indexOf(needle);
  if (i < 0) return { line: 1, column: 1 };
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  return { line, column: i - before.lastIndexOf('\n') };
}
