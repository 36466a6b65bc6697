import assert from 'node:assert/strict';
import { extractRegimens, type Regimen } from '../../src/clinical/index.js';
import { extractSafety } from '../../src/clinical/pregnancy.js';
import type { Kind, Monograph } from '../../src/model/index.js';
import { normalizeFile } from '../../src/normalize/index.js';

/** A rich-format page whose sections are the given markdown (`## **Dosage**` … by default just a dosage section). */
export function page(sections: Record<string, string>, opts: { title?: string; kind?: Kind } = {}): Monograph {
  const title = opts.title ?? 'Examplumab';
  const body = Object.entries(sections)
    .map(([heading, text]) => `## **${heading}**\n\n${text}\n`)
    .join('\n');
  const text = `---\ntitle: '${title}'\n---\n${body}`;
  const r = normalizeFile({ file: 'test/example.md', bytes: new TextEncoder().encode(text), kindHint: opts.kind ?? null });
  assert.ok(r.monograph, `the test page was refused: ${JSON.stringify(r.diagnostics)}`);
  return r.monograph;
}

/** A page with only a Dosage section. */
export const dosagePage = (dosage: string, opts: { title?: string; kind?: Kind } = {}): Monograph => page({ Dosage: dosage }, opts);

/** A regimen without nulls, empty lists, `single: false`, `amountPer: 'dose'`, unit, context, conditions and source. */
export function fields(r: Regimen): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (v === null || k === 'source' || k === 'unit' || k === 'context' || k === 'conditions' || (k === 'single' && v === false) || (k === 'amountPer' && v === 'dose')) continue;
    o[k] = v;
  }
  return o;
}

/** A table-driven regimen case: the Dosage text and every regimen it must give (`fields` of each). */
export interface RegimenCase {
  name: string;
  dosage: string;
  want: Record<string, unknown>[];
  title?: string;
  combination?: boolean;
}

/** The regimens a case's text gives, as `fields`. */
export function regimensOfCase(c: RegimenCase): Record<string, unknown>[] {
  const m = dosagePage(c.dosage, { ...(c.title ? { title: c.title } : {}), ...(c.combination ? { kind: 'combination' as const } : {}) });
  return extractRegimens(m).map(fields);
}


/** The pregnancy status a page whose *Pregnancy and Breastfeeding* section is `text` gives (`ingredients`: of a combination page). */
export function pregnancyStatus(text: string, ingredients: string[] = []): string | null {
  const m = page({ 'Pregnancy and Breastfeeding': text });
  return extractSafety(m.sections, { file: 'test/example.md', ingredients }).pregnancy?.status ?? null;
}
