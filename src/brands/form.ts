import { memoize } from '../util/memo.js';

/**
 * Dosage forms as catalogs write them (`Tablet SR`, `Eye Drop`, `soft gelatin capsules`,
 * `Solution for Injection`), folded to one spelling so that equal forms compare equal: lower case,
 * single spaces, one singular or plural per word (`tablets` → `tablet`, `drop` → `drops`), known
 * misspellings fixed (`opthalmic`). Modifiers are kept (`tablet sr` ≠ `tablet`): a sustained-release
 * tablet is not a substitute for a plain one, and nothing decides that two written forms are "close".
 */

/** Word → its one spelling in a form. */
const WORDS: Readonly<Record<string, string>> = {
  tablets: 'tablet',
  tab: 'tablet',
  tabs: 'tablet',
  capsules: 'capsule',
  cap: 'capsule',
  caps: 'capsule',
  injections: 'injection',
  inj: 'injection',
  infusions: 'infusion',
  drop: 'drops',
  lozenges: 'lozenge',
  patches: 'patch',
  sachets: 'sachet',
  respules: 'respule',
  rotacaps: 'rotacap',
  transcaps: 'transcap',
  respicaps: 'respicap',
  instacaps: 'instacap',
  pastilles: 'pastille',
  pellets: 'pellet',
  plasters: 'plaster',
  redicaps: 'redicap',
  kits: 'kit',
  pens: 'pen',
  soaps: 'soap',
  inhalers: 'inhaler',
  suppositories: 'suppository',
  pessaries: 'pessary',
  ampoules: 'ampoule',
  ampules: 'ampoule',
  ampule: 'ampoule',
  vials: 'vial',
  bottles: 'bottle',
  syringes: 'syringe',
  cartridges: 'cartridge',
  granule: 'granules',
  opthalmic: 'ophthalmic',
  mouthwash: 'mouth wash',
  facewash: 'face wash',
};

/**
 * Things a pack can count (`strip of 10 tablets` counts tablets): the singular as the unit of a
 * price per unit. Forms such as `gel` or `powder for injection` are not countable; a count of them
 * counts containers (`tube of 1 Gel` → per tube).
 */
export const COUNTABLE: ReadonlySet<string> = new Set([
  'tablet', 'capsule', 'injection', 'lozenge', 'patch', 'respule', 'rotacap', 'redicap', 'kit', 'pen', 'soap',
  'inhaler', 'sachet', 'bottle', 'suppository', 'pessary', 'ampoule', 'vial', 'syringe', 'cartridge', 'strip',
  'pouch', 'piece', 'bar', 'dose', 'pack', 'packet', 'tube', 'can', 'jar', 'box', 'unit', 'transcap', 'respicap',
  'instacap', 'pastille', 'plaster',
]);

/**
 * Fold a written dosage form to its one spelling, or null when nothing is left (or the catalog says
 * `other`).
 *
 * @example normalizeForm('Eye Drop') // 'eye drops'
 * @example normalizeForm('soft gelatin capsules') // 'soft gelatin capsule'
 * @example normalizeForm('Tablet DR') // 'tablet dr'
 */
export function normalizeForm(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : normalizeMemo(text);
}

/** Forms repeat across a catalog's rows (`strip of 10 tablets`): fold each spelling once. */
const normalizeMemo = memoize((text: string): string | null => {
  const out = wordsOf(text)
    .map((w) => WORDS[w] ?? w)
    .join(' ');
  return out === '' || out === 'other' || out === 'na' ? null : out;
}, 20_000);

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Lower-case words (letters, digits, `/`, `&`, `-`); a fast path for plain ASCII. */
function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const parts = PRINTABLE_ASCII.test(lower) ? lower.split(/[^a-z0-9/&-]+/) : lower.split(/[^\p{L}\p{N}/&-]+/u);
  return parts.filter((w) => w !== '');
}

/** Form words that end a product name (`Augmentin 625 Duo Tablet`, `Ascoril LS Syrup`). */
const BASE_FORMS: ReadonlySet<string> = new Set([
  'tablet', 'capsule', 'syrup', 'suspension', 'injection', 'infusion', 'cream', 'gel', 'ointment', 'lotion', 'drops',
  'solution', 'powder', 'spray', 'inhaler', 'respule', 'rotacap', 'redicap', 'lozenge', 'soap', 'shampoo', 'expectorant',
  'liquid', 'gargle', 'patch', 'kit', 'sachet', 'granules', 'suppository', 'pessary', 'elixir', 'linctus', 'emulsion',
  'paste', 'toothpaste', 'serum', 'wash', 'mouthwash', 'foam', 'lacquer', 'oil', 'jelly', 'scrub',
  'vaccine', 'pen', 'cartridge', 'penfill', 'flexpen', 'kwikpen', 'transcap', 'respicap', 'instacap', 'enema', 'balm',
  'sprinkle', 'dusting', 'paint', 'plaster', 'pastille', 'pellet', 'conditioner', 'handwash', 'turbuhaler', 'accuhaler',
  'breezhaler', 'autohaler', 'transhaler', 'rotahaler', 'revolizer',
]);

/** Words that qualify a form from the left (`Oral Suspension`, `Eye Drop`, `Soft Gelatin Capsule`). */
const LEFT_MODIFIERS: ReadonlySet<string> = new Set([
  'oral', 'dry', 'eye', 'ear', 'nasal', 'eye/ear', 'ear/eye', 'rectal', 'vaginal', 'dental', 'chewable', 'effervescent',
  'sublingual', 'gelatin', 'dusting', 'mouth', 'face', 'body', 'topical', 'ophthalmic', 'dispersible', 'nail', 'hair',
  'scalp', 'medicated', 'mdi', 'dpi', 'transdermal', 'buccal', 'orally', 'disintegrating',
]);

/** Release and type modifiers written after the form (`Tablet SR`, `Capsule DR`, `Tablet DT`). */
const RIGHT_MODIFIERS: ReadonlySet<string> = new Set(['sr', 'er', 'xr', 'xl', 'cr', 'pr', 'mr', 'dt', 'md', 'dr', 'ir', 'vt', 'od', 'la', 'cd', 'ec']);

/**
 * The dosage form a product name states (`Glycomet 500 Tablet SR` → `tablet sr`,
 * `Moxicip Eye Drop` → `eye drops`), or null when it states none. Only the last form word counts;
 * it keeps its neighbouring modifiers.
 *
 * @example formFromName('Augmentin 625 Duo Tablet') // 'tablet'
 */
export function formFromName(name: string): string | null {
  const words = wordsOf(name).map((w) => WORDS[w] ?? w);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (!BASE_FORMS.has(w)) continue;
    let start = i;
    while (start > 0 && (LEFT_MODIFIERS.has(words[start - 1]!) || (words[start - 1] === 'soft' && words[start] === 'gelatin'))) start--;
    let end = i + 1;
    while (end < words.length && RIGHT_MODIFIERS.has(words[end]!)) end++;
    return normalizeForm(words.slice(start, end).join(' '));
  }
  return null;
}

/**
 * The countable thing in a form (`tablet sr` → `tablet`, `soft gelatin capsule` → `capsule`,
 * `powder for injection` → null: the words before `for` are what the pack holds).
 */
export function countableIn(form: string): string | null {
  const head = form.split(' for ')[0] ?? form;
  const words = head.split(' ');
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (COUNTABLE.has(w)) return w;
  }
  return null;
}

/**
 * The more specific of a catalog's dosage-form column and the pack's form when they agree
 * (`tablet` and `tablet sr` → `tablet sr`; `drops` and `eye drops` → `eye drops`); otherwise the
 * column's, which is the catalog's own statement.
 */
export function refineForm(column: string | null, fromPack: string | null): string | null {
  if (column === null) return fromPack;
  if (fromPack === null || fromPack === column) return column;
  return fromPack.split(' ').includes(column) ? fromPack : column;
}
