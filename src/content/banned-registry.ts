import { parse as parseCsv } from 'csv-parse/sync';
import yaml from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics/index.js';
import type { BanRecord } from '../model/index.js';

/** File names a content folder's banned registry may have, in the order they are looked for. */
export const REGISTRY_FILES = ['banned.yaml', 'banned.yml', 'banned.csv'] as const;

const STATUSES = new Set<BanRecord['status']>(['banned', 'suspended', 'stayed', 'revoked']);
const MAX_REGISTRY_BYTES = 4 * 1024 * 1024;

export interface RegistryRead {
  records: BanRecord[];
  diagnostics: Diagnostic[];
}

/**
 * The banned registry of a content folder (`banned.yaml` or `banned.csv` at its root), or nothing.
 * `display` is the path used in diagnostics and on pages (`content/banned.yaml`).
 */
export function readRegistryIn(dir: string): RegistryRead {
  for (const name of REGISTRY_FILES) {
    const abs = join(dir, name);
    if (!existsSync(abs)) continue;
    const display = `${basename(dir)}/${name}`;
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (e) {
      return { records: [], diagnostics: [diag('file-unreadable', display, `The banned registry could not be read: ${(e as Error).message}`)] };
    }
    return readRegistry(display, text);
  }
  return { records: [], diagnostics: [] };
}

/**
 * Parse a registry: YAML `{ sample?: bool, entries: [{ composition, status, notification, date, source, note }] }`
 * (or a bare list), or CSV with those columns plus an optional `sample` column. Bad entries are
 * diagnostics; the others are kept.
 */
export function readRegistry(file: string, text: string): RegistryRead {
  const diagnostics: Diagnostic[] = [];
  if (Buffer.byteLength(text) > MAX_REGISTRY_BYTES) {
    return { records: [], diagnostics: [diag('file-too-large', file, `The banned registry is over ${MAX_REGISTRY_BYTES} bytes.`)] };
  }
  const rows: { value: Record<string, unknown>; line: number }[] = [];
  let sample = false;
  if (file.endsWith('.csv')) {
    try {
      const records = parseCsv(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, info: true }) as { record: Record<string, string>; info: { lines: number } }[];
      for (const r of records) rows.push({ value: r.record, line: r.info.lines });
      sample = records.length > 0 && records.every((r) => /^(true|yes|1)$/i.test(r.record['sample'] ?? ''));
    } catch (e) {
      const err = e as { message: string; lines?: number };
      return { records: [], diagnostics: [diag('banned-registry-invalid', file, `The registry is not valid CSV: ${err.message}`, { line: err.lines ?? 1 })] };
    }
  } else {
    let data: unknown;
    try {
      data = yaml.load(text, { schema: yaml.JSON_SCHEMA, json: true, filename: file });
    } catch (e) {
      const err = e as { reason?: string; message: string; mark?: { line: number; column: number } };
      const at = err.mark ? { line: err.mark.line + 1, column: err.mark.column + 1 } : { line: 1 };
      return { records: [], diagnostics: [diag('banned-registry-invalid', file, `The registry is not valid YAML: ${err.reason ?? err.message}.`, at)] };
    }
    const list = Array.isArray(data) ? data : data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['entries'] : undefined;
    sample = data !== null && typeof data === 'object' && !Array.isArray(data) && (data as Record<string, unknown>)['sample'] === true;
    if (!Array.isArray(list)) {
      return { records: [], diagnostics: [diag('banned-registry-invalid', file, 'The registry must be a list of entries, or a mapping with an `entries:` list.')] };
    }
    const lines = entryLines(text);
    list.forEach((v, i) => rows.push({ value: v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {}, line: lines[i] ?? 1 }));
  }
  const records: BanRecord[] = [];
  for (const { value, line } of rows) {
    const composition = text0(value['composition']);
    const status = text0(value['status'])?.toLowerCase() ?? null;
    if (composition === null || status === null || !STATUSES.has(status as BanRecord['status'])) {
      const what = composition === null ? 'has no `composition`' : `has status ${JSON.stringify(value['status'] ?? null)}`;
      diagnostics.push(diag('banned-registry-invalid', file, `A registry entry ${what}; it was ignored.`, { line }));
      continue;
    }
    records.push({
      composition,
      status: status as BanRecord['status'],
      notification: text0(value['notification']),
      date: text0(value['date']),
      source: safeUrl(text0(value['source'])),
      note: text0(value['note']),
      sample,
      file,
      line,
    });
  }
  return { records, diagnostics };
}

const text0 = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

/** Only http(s) links are kept: the registry's `source` becomes a link on the page. */
function safeUrl(s: string | null): string | null {
  if (s === null) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** 1-based line of each top-level list item (`  - composition: …`) in a YAML registry. */
function entryLines(text: string): number[] {
  const out: number[] = [];
  let indent: number | null = null;
  text.split('\n').forEach((l, i) => {
    const m = /^(\s*)-\s/.exec(l);
    if (!m) return;
    const n = m[1]!.length;
    indent ??= n;
    if (n === indent) out.push(i + 1);
  });
  return out;
}
