import { COUNTABLE, countableIn, normalizeForm } from './form.js';
import type { Pack } from './types.js';

/** Pack amounts: written unit → the pack's unit and the factor to it (exact: `1 l` is 1000 ml). */
const AMOUNT_UNITS: Readonly<Record<string, { unit: 'ml' | 'g'; factor: number }>> = {
  ml: { unit: 'ml', factor: 1 },
  l: { unit: 'ml', factor: 1000 },
  ltr: { unit: 'ml', factor: 1000 },
  litre: { unit: 'ml', factor: 1000 },
  liter: { unit: 'ml', factor: 1000 },
  g: { unit: 'g', factor: 1 },
  gm: { unit: 'g', factor: 1 },
  gms: { unit: 'g', factor: 1 },
  gram: { unit: 'g', factor: 1 },
  grams: { unit: 'g', factor: 1 },
  kg: { unit: 'g', factor: 1000 },
};

/** `[container of] number [unit] [form]`: `strip of 15 tablets`, `bottle of 100 ml Syrup`, `10 tablets`. */
const LABEL = /^(?:([a-z][a-z -]{0,30}?) of )?(\d+(?:\.\d+)?|\.\d+) ?(.*)$/;
const AMOUNT = /^(ml|l|ltr|litre|liter|gms|gm|g|grams|gram|kg)\b ?(.*)$/;

/**
 * Parse a pack label into a count (`strip of 15 tablets`: 15 tablets) or an amount (`bottle of
 * 100 ml Syrup`: 100 ml), its container and dosage form; null when the label is not of that shape
 * (nothing is guessed: a count must be a whole number above zero). `formHint` (e.g. a catalog's
 * dosage-form column) supplies the form when the label has none.
 *
 * A number followed by `MDI` counts metered doses (`packet of 200 MDI Inhaler`: 200 doses).
 *
 * @example parsePack('strip of 15 tablets') // { container: 'strip', count: 15, amount: null, unit: 'tablet', form: 'tablet', … }
 * @example parsePack('tube of 30 gm Cream') // { container: 'tube', count: null, amount: { value: 30, unit: 'g' }, unit: null, form: 'cream', … }
 */
export function parsePack(label: string, formHint?: string | null): Pack | null {
  const text = label.trim();
  if (text === '' || text.length > 200) return null;
  const m = LABEL.exec(text.toLowerCase().replace(/\s+/g, ' '));
  if (m === null) return null;
  const [, containerText, numberText = '', restText = ''] = m;
  const container = containerText === undefined ? null : normalizeContainer(containerText);
  const n = Number(numberText);
  if (!(n > 0) || !Number.isFinite(n)) return null;
  const amount = AMOUNT.exec(restText);
  if (amount !== null) {
    const to = AMOUNT_UNITS[amount[1] ?? ''];
    if (to === undefined) return null;
    const form = normalizeForm(amount[2]) ?? normalizeForm(formHint);
    return { text, container, count: null, amount: { value: exact(n * to.factor), unit: to.unit }, unit: null, form };
  }
  if (!Number.isInteger(n)) return null;
  const rest = restText.trim();
  if (/\d/.test(rest)) return null;
  if (/^mdi\b/.test(rest)) {
    return { text, container, count: n, amount: null, unit: 'dose', form: normalizeForm(rest) ?? normalizeForm(formHint) };
  }
  const form = normalizeForm(rest) ?? normalizeForm(formHint);
  const counted = form === null ? null : countableIn(form);
  // `tube of 1 Gel`, `vial of 1 Powder for Injection`: what is counted is the container. With no
  // form at all (`strip of 10`) the thing counted is unknown — certainly not strips.
  const unit = counted ?? (form !== null && container !== null && COUNTABLE.has(container) ? container : null);
  return { text, container, count: n, amount: null, unit, form };
}

/** The products layout's columns (`pack_size`, `pack_unit`, `dosage_form`, `packaging_raw`). */
export interface ProductPackColumns {
  /** `packaging_raw`: the full label (`strip of 15 tablets`), preferred when it parses. */
  packagingRaw: string | null;
  /** `pack_size`: `15.0`, `100.0`, or empty. */
  packSize: string | null;
  /** `pack_unit`: `strip`, `bottle`, `tube`, `ml`, `gm`, `units`, or empty. */
  packUnit: string | null;
  /** `dosage_form`: `tablet`, `syrup`, `injection`, … or `other`. */
  dosageForm: string | null;
}

/**
 * The pack of a products-layout row: `packaging_raw` parsed (with `dosage_form` as the form
 * hint); when that is missing or fails, the size columns, but only for counts (`15.0` + `strip` or
 * `units` of tablets, capsules… → 15 of them). Sizes in ml or g are not taken from the columns: the
 * dataset's `pack_size` loses the integer part of decimal sizes (`vial of 0.5 ml` is recorded as
 * `5.0` + `ml`), so a price per ml from them could be ten times wrong; `bottle`/`tube` sizes do not
 * say ml or g at all.
 *
 * @example parseProductPack({ packagingRaw: null, packSize: '20.0', packUnit: 'units', dosageForm: 'tablet' }) // 20 tablets
 */
export function parseProductPack(columns: ProductPackColumns): Pack | null {
  const form = normalizeForm(columns.dosageForm);
  if (columns.packagingRaw !== null && columns.packagingRaw.trim() !== '') {
    const parsed = parsePack(columns.packagingRaw, form);
    if (parsed !== null) return parsed;
  }
  const size = columns.packSize?.trim() ?? '';
  const unit = columns.packUnit?.trim().toLowerCase() ?? '';
  if (!/^\d+(?:\.0+)?$/.test(size) || (unit !== 'strip' && unit !== 'units')) return null;
  const n = Number(size);
  const counted = form === null ? null : countableIn(form);
  if (!(n > 0) || counted === null) return null;
  return { text: `${size} ${unit}`, container: unit === 'strip' ? 'strip' : null, count: n, amount: null, unit: counted, form };
}

function normalizeContainer(written: string): string {
  return written.trim().replace(/^pre-filled\b/, 'prefilled');
}

/** Exact decimal result of a product of short decimals (`1.5 * 1000` stays 1500, not 1500.0000000000002). */
function exact(x: number): number {
  return Number(x.toPrecision(12));
}
