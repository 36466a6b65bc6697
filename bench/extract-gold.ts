import { z } from 'zod';
import { PhaseSchema, PopulationSchema, RouteSchema, SafetyStatusSchema } from '../src/clinical/schema.js';
import { GOLD_FIELDS, type Expected } from './extract-score.js';

/**
 * The hand-checked gold file (`test/fixtures/clinical/gold.json`): per page, the regimens its
 * dosage text states, written by reading the page. A field an entry leaves out is expected null
 * (`amountPer` defaults to `dose`, `unit` to `mg`); `quote` is a short span of the line, kept so a
 * reader can find the dose without the corpus.
 */

/** `dev`: used while the extractor was written; `holdout` … `holdout40`: labelled before the extractor first ran on them, in the order they were drawn. */
export const SPLITS = ['dev', 'holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7', 'holdout8', 'holdout9', 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout14', 'holdout15', 'holdout16', 'holdout17', 'holdout18', 'holdout19', 'holdout20', 'holdout21', 'holdout22', 'holdout23', 'holdout24', 'holdout25', 'holdout26', 'holdout27', 'holdout28', 'holdout29', 'holdout30', 'holdout31', 'holdout32', 'holdout33', 'holdout34', 'holdout35', 'holdout36', 'holdout37', 'holdout38', 'holdout39', 'holdout40', 'holdout41', 'holdout42'] as const;
export type GoldSplit = (typeof SPLITS)[number];
/** The held-out sets, oldest first. */
export const HOLDOUT_SPLITS = SPLITS.filter((x): x is Exclude<GoldSplit, 'dev'> => x !== 'dev');

const GoldRegimenSchema = z
  .object({
    line: z.number().int().min(1),
    quote: z.string().max(160),
    indication: z.string().optional(),
    population: PopulationSchema.optional(),
    phase: PhaseSchema.optional(),
    ingredient: z.string().optional(),
    amount: z.number().positive(),
    amountMax: z.number().positive().optional(),
    per: z.enum(['kg', 'm2']).optional(),
    amountPer: z.enum(['dose', 'day']).optional(),
    route: RouteSchema.optional(),
    timesPerDay: z.number().int().positive().optional(),
    timesPerWeek: z.number().int().positive().optional(),
    everyDays: z.number().positive().optional(),
    cycleDays: z.number().int().positive().optional(),
    days: z.array(z.number().int().positive()).optional(),
    durationDays: z.number().int().positive().optional(),
    durationWeeks: z.number().int().positive().optional(),
    infusionMinutes: z.number().positive().optional(),
    maxDailyAmount: z.number().positive().optional(),
    note: z.string().optional(),
  })
  .strict();

const GoldPageSchema = z
  .object({
    /** Relative to ../shared/corpus (`root: corpus`) or to the repository (`root: repo`, the seeds' fixtures). */
    file: z.string(),
    root: z.enum(['corpus', 'repo']),
    category: z.enum(['seed', 'oncology', 'antibiotic', 'pediatric', 'combination', 'vague', 'random']),
    /** `dev`: used while the extractor was written; `holdout` … `holdout40`: labelled before the extractor first ran on them. */
    split: z.enum(SPLITS),
    /** Expected pregnancy status; null when the page states none that one can rely on. */
    pregnancy: SafetyStatusSchema.nullable().optional(),
    regimens: z.array(GoldRegimenSchema),
    note: z.string().optional(),
  })
  .strict();

/**
 * The set labelled before the extractor first ran on it and not yet read for its errors: its score
 * is an estimate of accuracy on unseen pages (`npm run bench:extract`), so the corpus test's
 * regression gate leaves it out (a gate on it would turn a measurement into a target to fit).
 * None now: holdout41 and holdout42 were read for their errors after their first runs (session 14, one after the
 * other), holdout31 to holdout40 after theirs (session 13; holdout35 to holdout40 were drawn and labelled in pairs, and
 * each pair's first runs measured before either was read), holdout26 to holdout30 after theirs (session 12); the next
 * fresh set goes here until it is.
 */
export const HELD_OUT_SPLIT: GoldSplit | null = null;

/**
 * Sets read for their errors whose fixes are not finished: measured, not gated either (their
 * remaining errors, listed in their `about` entries, would fail the gate; each joins the gate once
 * they are fixed or settled). After session 9: holdout7, 1 of its 16 wrong regimens of the first run
 * (neomycin's line 31); holdout8, 1 of its 8 (metoprolol succinate's indication from a parenthesis);
 * holdout9, 3 of its 11 (hyoscyamine's route, levocetirizine's restated frequency, cefpodoxime proxetil's name);
 * holdout10, 1 of its 4 (cycloserine's daily maximum, stated after a later dose); holdout11, 7 of its 12
 * (magnesium chloride's six children's supplementation amounts, which the reader took for reference intakes, and
 * quinagolide's phase of a second starting step); holdout12, 5 of its 8 (lefamulin's long label and IV route,
 * propantheline's two maxima and its "Off-Label Uses (…)" label); holdout13, 2 of its 4 (fosfestrol's phase of an
 * "or even" alternative, rifampin's "from 300mg twice daily to 600mg once daily"). (holdout14 joined the gate in session 10:
 * none of its first run's 12 wrong regimens is left; its misses and pregnancy disagreements are listed in its `about` entry.)
 * holdout15, 5 of its 8 (vemurafenib's route from the opening paragraph, racecadotril's from "capsule", finerenone's eGFR bands);
 * holdout16, 1 of its 5 (l-glutamate's doses of L-Glutamine, named only in the heading "Adults (L-Glutamine):");
 * holdout17, 4 of its 12 (primaquine's "daily doses of 30 mg", colestilan's dialysis group, a class page's routes before the amounts);
 * holdout18, 2 of its 2 (brolucizumab's label naming two conditions and its initial/loading phase). (holdout19 joined the
 * gate at once: none of its first run's 4 wrong regimens is left.) holdout20, 1 of its 8 (ceftezole's "in 1 to 2 divided
 * doses" without "daily"); holdout21, 7 of its 13 (cytarabine's range end, clarithromycin's patients' condition,
 * lanthanum's ESRD, fomepizole's toxicity label; furosemide's maximum in a parenthesis was fixed in session 13);
 * holdout22, 5 of its 6 against its corrected labels (esomeprazole's "may go up to 240mg/day", garlic's daily
 * amounts under "Suggested daily doses … Examples include:", hydroquinidine's "in adults treating …", glucosamine's
 * shared "per day"); holdout23, 5 of its 17 (colloidal bismuth subcitrate's H. pylori regimen, isepamicin's
 * "dosage for severe infections" lead-in, valbenazine's hepatic dose's route; its frequency beside "at bedtime" was fixed
 * in session 13);
 * holdout24, 3 of its 7 (diethylcarbamazine + cetirizine's route from "available in oral tablet … form",
 * roxithromycin's "For off-label Streptococcus pneumoniae prevention", tenoxicam's "20 mg daily dosage");
 * holdout25, all 7 of its first run's (only its pregnancy errors were worked on: dicycloverine's contradictory
 * maximum and IM label, dabigatran's "(CrCl > 30 mL/min)", "often divided into two doses", "5 mg to 60 mg daily",
 * arbekacin's long label and "Obesity:"). (holdout26 joined the gate at once in session 12: none of its first
 * run's 2 wrong regimens is left; its misses and pregnancy disagreement are listed in its `about` entry.)
 * holdout27, 2 of its 10 (serenoa repens's indication from the sentence before, cilastatin's sentence-final
 * "for non-CNS infections"); holdout28, 12 of its 17 (tetracycline's and sucroferric oxyhydroxide's routes from a
 * paragraph above their lists, one stating doses, one the product's forms; "for many bacterial infections" as an indication);
 * holdout29, 5 of its 9 (telmisartan's "The starting dose for hypertension is", which the readers left without a condition;
 * metyrapone's "(maximum 3 g)" of a single-dose test; irinotecan's escalation without the "every 2 weeks" of the
 * dose before; lansoprazole's condition from a lead-in paragraph). (holdout30 joined the gate in session 14, none of its
 * first run's one wrong regimen left: its five misses, listed in its `about` entry, had kept the gated pages' recall
 * below 0.9, 574 of 638; with the gated sets' misses fixed since, they are 623 of 691.) holdout31, none of its 3 wrong regimens, but its six misses (listed in its `about` entry) would take the gated pages'
 * recall below 0.9. (holdout32 joined the gate at once in session 13: none of its first run's 1 wrong regimen is left;
 * its misses and pregnancy disagreements are listed in its `about` entry.) holdout33, 2 of its 12 (levodopa + benserazide's
 * route from a list of forms, butorphanol's "Intraoperative (balanced anesthesia)"); holdout34, 8 of its 11 (listed in its
 * `about` entry: readings the conventions leave open, and rules not written); holdout35 and holdout36, 4 of their 7 and
 * 4 of their 11 (mebhydrolin's route from the adults' paragraph, temocillin's dialysis as the indication); holdout37
 * and holdout38, 5 of their 10 and 2 of their 7 (listed in their `about` entry); holdout39 and holdout40, 3 of their 6
 * and 8 of their 13 (listed in their `about` entry); holdout41, 2 of its 3 (sulbutiamine's duration from the next
 * sentence, pegfilgrastim's "preventing …" as the condition); holdout42, 3 of its 8 (listed in its `about` entry).
 */
export const UNFINISHED_SPLITS: readonly GoldSplit[] = ['holdout7', 'holdout8', 'holdout9', 'holdout10', 'holdout11', 'holdout12', 'holdout13', 'holdout15', 'holdout16', 'holdout17', 'holdout18', 'holdout20', 'holdout21', 'holdout22', 'holdout23', 'holdout24', 'holdout25', 'holdout27', 'holdout28', 'holdout29', 'holdout31', 'holdout33', 'holdout34', 'holdout35', 'holdout36', 'holdout37', 'holdout38', 'holdout39', 'holdout40', 'holdout41', 'holdout42'];

export const UNGATED_SPLITS: readonly GoldSplit[] = [...(HELD_OUT_SPLIT === null ? [] : [HELD_OUT_SPLIT]), ...UNFINISHED_SPLITS];

export const GoldFileSchema = z.object({ about: z.array(z.string()), pages: z.array(GoldPageSchema) }).strict();

export interface GoldPage {
  file: string;
  root: 'corpus' | 'repo';
  category: string;
  split: GoldSplit;
  pregnancy: string | null | undefined;
  regimens: Expected[];
}
export interface GoldFile {
  about: string[];
  pages: GoldPage[];
}

/** Parse the gold file; every entry gets every compared field (null when not given). */
export function loadGold(text: string): GoldFile {
  const g = GoldFileSchema.parse(JSON.parse(text));
  return {
    about: g.about,
    pages: g.pages.map((p) => ({
      file: p.file,
      root: p.root,
      category: p.category,
      split: p.split,
      pregnancy: p.pregnancy,
      regimens: p.regimens.map((r) => {
        const e: Expected = { line: r.line };
        for (const f of GOLD_FIELDS) e[f] = (r as Record<string, unknown>)[f] ?? (f === 'unit' ? 'mg' : f === 'amountPer' ? 'dose' : null);
        return e;
      }),
    })),
  };
}
