import { CsvError, parse } from 'csv-parse/sync';
import { diag, type Diagnostic } from '../diagnostics/index.js';
import { joinComposition, parseComposition, readIngredientList, type CompositionParse } from './composition.js';
import { formFromName, normalizeForm, refineForm } from './form.js';
import { parsePack, parseProductPack } from './pack.js';
import type { BrandCsvResult, BrandIngredient, BrandLayout, BrandRecord, Pack } from './types.js';

/**
 * The columns each brand catalog layout needs (as the public datasets name them; matched without
 * regard to case or surrounding spaces, and `price(…)` whatever the currency sign's encoding).
 */
export const BRAND_LAYOUTS: Readonly<Record<BrandLayout, readonly string[]>> = {
  'a-z': ['name', 'price(₹)', 'Is_discontinued', 'manufacturer_name', 'pack_size_label', 'short_composition1', 'short_composition2'],
  products: [
    'brand_name', 'manufacturer', 'price_inr', 'is_discontinued', 'dosage_form', 'pack_size', 'pack_unit', 'active_ingredients',
    'therapeutic_class', 'packaging_raw',
  ],
  details: ['Medicine Name', 'Composition', 'Uses', 'Side_effects', 'Manufacturer'],
};

const LAYOUT_ORDER: readonly BrandLayout[] = ['a-z', 'products', 'details'];

/** One CSV record with where it is: first and last line (a quoted field may span lines). */
interface Row {
  fields: string[];
  line: number;
  endLine: number;
  /** The parser's complaint about this record (a wrong number of fields), if any. */
  error: string | null;
}

/**
 * Read a brand catalog CSV of one of the known layouts (`BRAND_LAYOUTS`: the A–Z medicine dataset,
 * the products dataset, the medicine-details dataset), detected from the header. Bad rows and bad
 * fields are diagnostics with the row's line (the header is line 1) and the field's column (1-based
 * field index, `path` the column name); the rest of the row is still used where it can be. A
 * malformed CSV (a quote never closed) keeps the rows before it. Never throws for bad content.
 *
 * @example readBrandCsv('brands/a-z.csv', text) // { layout: 'a-z', records: [{ name: 'Augmentin 625 Duo Tablet', mrp: 223.42, … }], diagnostics: [] }
 */
export function readBrandCsv(file: string, text: string): BrandCsvResult {
  const diagnostics: Diagnostic[] = [];
  const records: BrandRecord[] = [];
  let header: Row | null = null;
  let layout: BrandLayout | null = null;
  let columns: string[] = [];
  const index = new Map<string, number>();
  const memo = new ParseMemo();
  readRows(file, text, diagnostics, (row) => {
    if (header === null) {
      header = row;
      columns = row.fields.map(columnKey);
      layout = detectLayout(columns);
      // The layout's columns by the names the row readers use (the first of duplicate headers).
      if (layout !== null) for (const name of BRAND_LAYOUTS[layout]) index.set(name, columns.indexOf(columnKey(name)));
      if (layout === null) {
        diagnostics.push(diag('brand-layout-unknown', file, `The header (${row.fields.map((h) => h.trim()).join(', ')}) matches no brand catalog layout${closest(columns)}. ${expected()}`, { line: row.line, column: 1 }));
      }
      return;
    }
    if (layout === null) return;
    if (row.error !== null) {
      diagnostics.push(diag('brand-row-invalid', file, `The row has ${row.fields.length} fields but the header has ${columns.length} (an unquoted comma or a lost quote?), so its values cannot be matched to columns; it was skipped.`, at(row, Math.min(row.fields.length, columns.length + 1))));
      return;
    }
    const record = ROW_READERS[layout](new Cells(file, row, index, diagnostics, memo), { file, layout, row: row.line });
    if (record !== null) records.push(record);
  });
  if (header === null) {
    diagnostics.unshift(diag('brand-layout-unknown', file, `The file has no header row, so its layout cannot be told. ${expected()}`));
  }
  return { layout, records: layout === null ? [] : records, diagnostics };
}

/** Diagnostic position of a field of a row (`column` 1-based; `path` the column's header name). */
function at(row: Row, column: number, path?: string): { line: number; column: number; endLine?: number; path?: string } {
  const p: { line: number; column: number; endLine?: number; path?: string } = { line: row.line, column };
  if (row.endLine !== row.line) p.endLine = row.endLine;
  if (path !== undefined) p.path = path;
  return p;
}

/** How a header cell is compared: trimmed, lower case; `price(₹)` however the sign was encoded. */
function columnKey(header: string): string {
  const k = header.trim().toLowerCase().replace(/\s+/g, ' ');
  return /^price ?\(.*\)$/.test(k) ? 'price(₹)' : k;
}

function detectLayout(columns: readonly string[]): BrandLayout | null {
  const have = new Set(columns);
  return LAYOUT_ORDER.find((l) => BRAND_LAYOUTS[l].every((c) => have.has(columnKey(c)))) ?? null;
}

function expected(): string {
  return `Each layout needs these columns: ${LAYOUT_ORDER.map((l) => `${l}: ${BRAND_LAYOUTS[l].join(', ')}`).join('; ')}.`;
}

/** `(closest: products, missing dosage_form, pack_unit)` when some layout is nearly there. */
function closest(columns: readonly string[]): string {
  const have = new Set(columns);
  let best: { layout: BrandLayout; missing: string[] } | null = null;
  for (const l of LAYOUT_ORDER) {
    const missing = BRAND_LAYOUTS[l].filter((c) => !have.has(columnKey(c)));
    if (missing.length < BRAND_LAYOUTS[l].length && (best === null || missing.length < best.missing.length)) best = { layout: l, missing };
  }
  return best === null ? '' : ` (closest: ${best.layout}, missing ${best.missing.join(', ')})`;
}

/**
 * Hand each CSV record to `onRow` with its lines, via csv-parse; a parse error becomes a diagnostic
 * and the records before it are kept.
 *
 * Lines come from the parser's count (`info.lines`, the line a record ends on), with one correction:
 * csv-parse counts a CRLF inside a quoted field as two lines, so those are subtracted. A record starts
 * as many lines before its end as its fields hold line breaks.
 */
function readRows(file: string, text: string, diagnostics: Diagnostic[], onRow: (row: Row) => void): void {
  let lastEnd = 0;
  let lastEmpty = 0;
  let doubleCounted = 0;
  try {
    parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: (fields, ctx) => {
        let breaks = 0;
        for (const f of fields) {
          if (f.includes('\n') || f.includes('\r')) {
            const crlf = f.match(/\r\n/g)?.length ?? 0;
            doubleCounted += crlf;
            breaks += (f.match(/\r\n|\n|\r/g)?.length ?? 0);
          }
        }
        const endLine = ctx.lines - doubleCounted;
        lastEnd = endLine;
        lastEmpty = ctx.empty_lines;
        onRow({ fields, line: Math.max(1, endLine - breaks), endLine, error: ctx.error === undefined ? null : ctx.error.message });
        return null;
      },
      on_skip: (err) => {
        if (err !== undefined) diagnostics.push(parseErrorDiagnostic(file, text, err, lastEnd + 1 + Math.max(0, (typeof err.empty_lines === 'number' ? err.empty_lines : lastEmpty) - lastEmpty)));
        return undefined;
      },
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    diagnostics.push(parseErrorDiagnostic(file, text, err, lastEnd + 1));
  }
}

function parseErrorDiagnostic(file: string, text: string, err: CsvError, line: number): Diagnostic {
  const field = typeof err.column === 'number' ? err.column + 1 : 1;
  const pos: { line: number; column: number; endLine?: number } = { line, column: field };
  let what = `This row could not be read as CSV: ${err.message}`;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    // The open quote swallows the rest of the file.
    const endLine = Math.max(line, lineCount(text));
    if (endLine !== line) pos.endLine = endLine;
    // (The parser's own message names the line where it gave up, the end of the file.)
    what = `A quoted field that opens on this line is never closed, so ${endLine === line ? 'this line' : `lines ${line}–${endLine} (to the end of the file)`} could not be read as rows`;
  }
  return diag('brand-row-invalid', file, `${what}. Close the quote, or quote the whole field ("…") and double the quotes inside it.`, pos, { severity: 'error' });
}

/** Lines in a text (a final line break does not start another line). */
function lineCount(text: string): number {
  const breaks = text.match(/\r\n|\n|\r/g)?.length ?? 0;
  return /(?:\r\n|\n|\r)$/.test(text) ? breaks : breaks + 1;
}

/**
 * Compositions, pack labels and company names repeat across a catalog's rows (a quarter of a
 * million brands share a few thousand of each): each text is parsed once per file and every row
 * gets the same frozen result (ingredients, strengths, packs are never changed after parsing), and
 * repeated texts are kept once. Measured on 60,000 synthetic rows: ~600 B less heap per brand than
 * a copy per row (docs/DESIGN.md, "Brands", session 5).
 */
class ParseMemo {
  private readonly compositions = new Map<string, CompositionParse>();
  private readonly joined = new Map<string, BrandIngredient[]>();
  private readonly packs = new Map<string, Pack | null>();
  private readonly strings = new Map<string, string>();

  composition(text: string): CompositionParse {
    let p = this.compositions.get(text);
    if (p === undefined) {
      const parsed = parseComposition(text);
      p = { ingredients: deepFreeze(parsed.ingredients), ok: parsed.ok, unparsed: parsed.unparsed };
      if (this.compositions.size >= MEMO_MAX) this.compositions.clear();
      this.compositions.set(text, p);
    }
    return p;
  }

  /** The ingredients of two composition columns, one array for every row with the same two texts. */
  both(first: string, second: string, make: () => BrandIngredient[]): BrandIngredient[] {
    const key = `${first}\u0000${second}`;
    let list = this.joined.get(key);
    if (list === undefined) {
      // Frozen, though typed as the model's array: a write throws instead of changing every row's.
      list = Object.freeze(make()) as BrandIngredient[];
      if (this.joined.size >= MEMO_MAX) this.joined.clear();
      this.joined.set(key, list);
    }
    return list;
  }

  pack(key: string, make: () => Pack | null): Pack | null {
    let p = this.packs.get(key);
    if (p === undefined) {
      p = deepFreeze(make());
      if (this.packs.size >= MEMO_MAX) this.packs.clear();
      this.packs.set(key, p);
    }
    return p;
  }

  /** One copy of a repeated text (company, pack label, composition); null stays null. */
  text(s: string | null): string | null {
    if (s === null) return null;
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size >= MEMO_MAX) this.strings.clear();
    this.strings.set(s, s);
    return s;
  }
}

const MEMO_MAX = 50_000;

/** Freeze parsed data and everything in it (shared by many rows, so never to be changed). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A row's fields by column name, reporting bad values. */
class Cells {
  constructor(
    readonly file: string,
    readonly row: Row,
    private readonly index: ReadonlyMap<string, number>,
    readonly diagnostics: Diagnostic[],
    readonly parsed: ParseMemo,
  ) {}

  /** 1-based column of a layout column (named as in `BRAND_LAYOUTS`). */
  column(name: string): number {
    return (this.index.get(name) ?? 0) + 1;
  }

  /** The field as written (empty string when absent). */
  raw(name: string): string {
    const i = this.index.get(name);
    return i === undefined ? '' : (this.row.fields[i] ?? '');
  }

  /** The field trimmed, otherwise as written, or null when blank. */
  written(name: string): string | null {
    const t = this.raw(name).trim();
    return t === '' ? null : t;
  }

  /** The field trimmed with spaces collapsed, or null when blank. */
  text(name: string): string | null {
    const raw = this.raw(name);
    const t = (/\s\s|[\t\n\r\f\v\u00a0]/.test(raw) ? raw.replace(/\s+/g, ' ') : raw).trim();
    return t === '' ? null : t;
  }

  report(code: 'brand-row-invalid' | 'brand-field-invalid' | 'brand-composition-unparsed' | 'brand-pack-unparsed', name: string, message: string): void {
    this.diagnostics.push(diag(code, this.file, message, at(this.row, this.column(name), name)));
  }

  /** A brand name; a row without one is skipped with a diagnostic. */
  name(column: string): string | null {
    const n = this.text(column);
    if (n === null) this.report('brand-row-invalid', column, `The row has no brand name in \`${column}\`; it was skipped.`);
    return n;
  }

  /** An MRP in rupees: `223.42`, `₹ 1,234.50`, `Rs. 40`; blank is null, anything else a diagnostic. */
  price(column: string): number | null {
    const t = this.text(column);
    if (t === null) return null;
    const m = /^(?:₹|rs\.?|inr)?\s*(\d{1,3}(?:,\d{2,3})+|\d+)(\.\d+)?$/i.exec(t);
    const value = m === null ? Number.NaN : Number(`${(m[1] ?? '').replace(/,/g, '')}${m[2] ?? ''}`);
    if (!(value > 0) || !Number.isFinite(value)) {
      this.report('brand-field-invalid', column, `The price ${JSON.stringify(t)} is not a positive amount of rupees (e.g. 223.42); the brand is kept without an MRP.`);
      return null;
    }
    return value;
  }

  /** A yes/no flag (`TRUE`/`FALSE`, `True`/`False`, yes/no, 1/0); blank is null. */
  flag(column: string): boolean | null {
    const t = this.text(column);
    if (t === null) return null;
    const k = t.toLowerCase();
    if (k === 'true' || k === 'yes' || k === 'y' || k === '1') return true;
    if (k === 'false' || k === 'no' || k === 'n' || k === '0') return false;
    this.report('brand-field-invalid', column, `${JSON.stringify(t)} is not TRUE or FALSE; whether the brand is discontinued is left unknown.`);
    return null;
  }

  /** Report the parts of a composition that were not understood (or that there is none). */
  composition(column: string, parsed: CompositionParse, written: string): void {
    if (written.trim() === '') {
      this.report('brand-composition-unparsed', column, 'The brand has no composition, so it cannot be linked to its generic or compared with other brands.');
      return;
    }
    for (const part of parsed.unparsed) {
      this.report('brand-composition-unparsed', column, `The composition part ${JSON.stringify(part)} was not understood as \`Name (strength)\` with a known unit (e.g. \`Amoxycillin (500mg)\`); the brand cannot be compared with others.`);
    }
    if (parsed.unparsed.length === 0 && !parsed.ok) {
      this.report('brand-composition-unparsed', column, `The composition ${JSON.stringify(written.trim())} names no ingredient; the brand cannot be linked or compared.`);
    }
  }

  pack(column: string, label: string | null, pack: Pack | null): void {
    if (label !== null && pack === null) {
      this.report('brand-pack-unparsed', column, `The pack ${JSON.stringify(label)} was not understood (expected e.g. \`strip of 10 tablets\` or \`bottle of 100 ml Syrup\`), so no price per unit is given.`);
    }
  }
}

type RowReader = (cells: Cells, source: BrandRecord['source']) => BrandRecord | null;

const emptyRecord = (source: BrandRecord['source'], name: string): BrandRecord => ({
  name,
  company: null,
  mrp: null,
  discontinued: null,
  composition: '',
  ingredients: [],
  packLabel: null,
  pack: null,
  form: null,
  uses: null,
  sideEffects: null,
  therapeuticClass: null,
  source,
});

/** Parse the A–Z layout's composition columns each (so a diagnostic names the right column) and join them. */
function azComposition(cells: Cells): { composition: string; ingredients: BrandIngredient[] } {
  const columns = ['short_composition1', 'short_composition2'];
  const written = columns.map((c) => cells.raw(c));
  const composition = joinComposition(written);
  if (composition === '') {
    cells.composition(columns[0]!, { ingredients: [], ok: false, unparsed: [] }, '');
    return { composition, ingredients: [] };
  }
  const parsed = columns.map((c, i) => {
    const text = written[i] ?? '';
    if (text.trim() === '') return null;
    const p = cells.parsed.composition(text);
    cells.composition(c, p, text);
    return p;
  });
  const [first, second] = parsed;
  let ingredients: BrandIngredient[];
  if (first && second) ingredients = cells.parsed.both(written[0]!, written[1]!, () => [...first.ingredients, ...second.ingredients]);
  else ingredients = (first ?? second)?.ingredients ?? [];
  return { composition: cells.parsed.text(composition) ?? composition, ingredients };
}

const ROW_READERS: Readonly<Record<BrandLayout, RowReader>> = {
  'a-z': (cells, source) => {
    const name = cells.name('name');
    if (name === null) return null;
    const { composition, ingredients } = azComposition(cells);
    const packLabel = cells.parsed.text(cells.text('pack_size_label'));
    let pack = packLabel === null ? null : cells.parsed.pack(packLabel, () => parsePack(packLabel));
    // The name's form (`Dolo 650 Tablet`) only matters when the label names none (`strip of 10`).
    const nameForm = pack?.form ?? formFromName(name);
    if (packLabel !== null && pack !== null && pack.form === null && nameForm !== null) pack = cells.parsed.pack(`${packLabel}\u0000${nameForm}`, () => parsePack(packLabel, nameForm));
    cells.pack('pack_size_label', packLabel, pack);
    return {
      ...emptyRecord(source, name),
      company: cells.parsed.text(cells.text('manufacturer_name')),
      mrp: cells.price('price(₹)'),
      discontinued: cells.flag('Is_discontinued'),
      composition,
      ingredients,
      packLabel,
      pack,
      form: cells.parsed.text(nameForm),
    };
  },

  products: (cells, source) => {
    const name = cells.name('brand_name');
    if (name === null) return null;
    const written = cells.raw('active_ingredients').trim();
    const list = written === '' ? null : readIngredientList(written);
    const parsed = cells.parsed.composition(written);
    cells.composition('active_ingredients', parsed, written);
    const composition = list === null ? written : list.map((i) => (i.fullDescription ?? i.name ?? '').trim()).filter((s) => s !== '').join(' + ');
    const packLabel = cells.parsed.text(cells.text('packaging_raw'));
    const column = normalizeForm(cells.text('dosage_form'));
    const packColumns = { packagingRaw: packLabel, packSize: cells.text('pack_size'), packUnit: cells.text('pack_unit'), dosageForm: column };
    const pack = cells.parsed.pack(JSON.stringify(packColumns), () => parseProductPack(packColumns));
    cells.pack('packaging_raw', packLabel, pack);
    return {
      ...emptyRecord(source, name),
      company: cells.parsed.text(cells.text('manufacturer')),
      mrp: cells.price('price_inr'),
      discontinued: cells.flag('is_discontinued'),
      composition: cells.parsed.text(composition) ?? composition,
      ingredients: parsed.ingredients,
      packLabel,
      pack,
      form: cells.parsed.text(refineForm(column, pack?.form ?? null) ?? formFromName(name)),
      therapeuticClass: cells.parsed.text(cells.text('therapeutic_class')),
    };
  },

  details: (cells, source) => {
    const name = cells.name('Medicine Name');
    if (name === null) return null;
    const composition = cells.parsed.text(cells.raw('Composition').trim()) ?? '';
    const parsed = cells.parsed.composition(composition);
    cells.composition('Composition', parsed, composition);
    return {
      ...emptyRecord(source, name),
      company: cells.parsed.text(cells.text('Manufacturer')),
      composition,
      ingredients: parsed.ingredients,
      form: cells.parsed.text(formFromName(name)),
      uses: cells.written('Uses'),
      sideEffects: cells.written('Side_effects'),
    };
  },
};
