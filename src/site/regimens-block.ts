import { extractClinicalFacts, type ClinicalFacts, type Regimen } from '../clinical/index.js';
import type { Monograph } from '../model/index.js';
import type { SiteContext } from './context.js';
import { h, type Safe } from './fragment.js';

/**
 * The drug page's "doses as numbers" block (built with `--regimens`, experimental): the regimens
 * read from the Dosage text, each with its source sentence, and a dose calculator — a GET form
 * that `formulary serve` answers at `/dose/` (no JavaScript needed; the same arithmetic as
 * `POST /api/dose`). In-page calculation was left out: bundling the arithmetic brings zod with it
 * (470 KB minified, 100 KB gzipped, measured with esbuild), more than the search script by ten.
 */

const memo = new WeakMap<Monograph, ClinicalFacts>();
const NO_FACTS: ClinicalFacts = { regimens: [], pregnancy: null, breastfeeding: null, contraindications: [], interactions: [], monitoring: [], halfLife: null, targets: [], drugClass: null };

/**
 * The clinical facts of a monograph (read once per monograph object: the page, its JSON-LD and the
 * API document share them). A brand has none: its generic's page has them.
 */
export function clinicalFactsOf(m: Monograph): ClinicalFacts {
  if (m.kind === 'medicine') return NO_FACTS;
  let f = memo.get(m);
  if (f === undefined) {
    f = extractClinicalFacts(m);
    memo.set(m, f);
  }
  return f;
}

/** The monograph's dose regimens (see {@link clinicalFactsOf}). */
export function regimensOf(m: Monograph): Regimen[] {
  return clinicalFactsOf(m).regimens;
}

const num = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000));

/** The dose as written: `10 mg/kg`, `250–500 mg`, `40 mg/day`. */
export function doseText(r: Regimen): string {
  const per = r.per === 'kg' ? '/kg' : r.per === 'm2' ? '/m²' : '';
  const amount = r.amountMax === null ? num(r.amount) : `${num(r.amount)}–${num(r.amountMax)}`;
  return `${amount} mg${per}${r.amountPer === 'day' ? ' a day' : ''}`;
}

/** How often and how long: `2 times a day`, `every 14 days`, `days 1, 8 and 15 of a 21-day cycle`, `for 12 weeks`. */
export function scheduleText(r: Regimen): string {
  const parts: string[] = [];
  if (r.single) parts.push('once (a single dose)');
  if (r.timesPerDay !== null) parts.push(r.timesPerDay === 1 ? 'once a day' : `${r.timesPerDay} times a day`);
  if (r.timesPerWeek !== null) parts.push(r.timesPerWeek === 1 ? 'once a week' : `${r.timesPerWeek} times a week`);
  if (r.everyDays !== null) parts.push(r.everyDays === 7 ? 'every week' : `every ${num(r.everyDays)} days`);
  if (r.days !== null) parts.push(`day${r.days.length > 1 ? 's' : ''} ${listText(r.days.map(String))}${r.cycleDays !== null ? ` of a ${r.cycleDays}-day cycle` : ''}`);
  else if (r.cycleDays !== null) parts.push(`${r.cycleDays}-day cycles`);
  if (r.durationWeeks !== null) parts.push(`for ${r.durationWeeks} week${r.durationWeeks === 1 ? '' : 's'}`);
  if (r.durationDays !== null) parts.push(`for ${r.durationDays} day${r.durationDays === 1 ? '' : 's'}`);
  if (r.infusionMinutes !== null) parts.push(`infused over ${num(r.infusionMinutes)} min`);
  if (r.maxDailyAmount !== null) parts.push(`at most ${num(r.maxDailyAmount)} mg a day`);
  return parts.join(', ');
}

/** Who and what for: indication, population, phase, ingredient. */
export function forText(r: Regimen): string {
  return [r.indication, r.population, r.phase, r.ingredient].filter((x): x is string => x !== null && x !== '').join(' · ');
}

function listText(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** Short label of a regimen in the calculator's list. */
export function regimenLabel(r: Regimen, i: number): string {
  const who = forText(r);
  return `#${i + 1}: ${doseText(r)}${r.route !== null ? ` ${r.route}` : ''}${who !== '' ? ` — ${who}` : ''}`.slice(0, 160);
}

/** The block's markup (ids come from the page's registry). */
export function regimensBlock(ctx: SiteContext, page: string, regimens: readonly Regimen[], id: (base: string) => string): Safe {
  const rows = regimens.map(
    (r, i) =>
      h`<tr><th scope="row">${String(i + 1)}</th><td>${forText(r) || '—'}</td><td>${doseText(r)}</td><td>${r.route ?? '—'}</td><td>${scheduleText(r) || '—'}</td><td><q>${r.source.text}</q> <span class="source-ref">(${r.source.file}, line ${String(r.source.line)})</span></td></tr>`,
  );
  const form = id('dose-form');
  const f = (name: string): string => id(`dose-${name}`);
  const [regimen, weight, height, bsa, start] = [f('regimen'), f('weight'), f('height'), f('bsa'), f('start')];
  const options = regimens.map((r, i) => h`<option value="${String(i)}">${regimenLabel(r, i)}</option>`);
  return h`<p class="warning-note">Read automatically from the Dosage text (experimental): check every number against its source sentence. Not medical advice.</p>
<div class="compare-scroll"><table class="regimens"><caption class="visually-hidden">Doses read from the text</caption><thead><tr><th scope="col">#</th><th scope="col">For</th><th scope="col">Dose</th><th scope="col">Route</th><th scope="col">How often, how long</th><th scope="col">Source</th></tr></thead><tbody>${rows}</tbody></table></div>
<form class="tool-form dose-form" id="${form}" method="get" action="${ctx.href('/dose/')}">
<input type="hidden" name="page" value="${page}"/>
<div class="tool-fields">
<p class="tool-field"><label for="${regimen}">Regimen</label><select id="${regimen}" name="regimen">${options}</select></p>
<p class="tool-field"><label for="${weight}">Weight (kg)</label><input id="${weight}" name="weightKg" type="number" min="0.5" max="350" step="any" inputmode="decimal"/></p>
<p class="tool-field"><label for="${height}">Height (cm, for doses per m²)</label><input id="${height}" name="heightCm" type="number" min="30" max="250" step="any" inputmode="decimal"/></p>
<p class="tool-field"><label for="${bsa}">Body surface area formula</label><select id="${bsa}" name="bsa"><option value="mosteller">Mosteller</option><option value="dubois">DuBois</option></select></p>
<p class="tool-field"><label for="${start}">First dose on (for a schedule)</label><input id="${start}" name="start" type="date"/></p>
</div>
<button type="submit">Calculate</button>
</form>
<p class="note tool-note">The calculation runs on the site’s server.</p>`;
}
