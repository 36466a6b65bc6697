import { CODES, type DiagnosticCode, type Severity } from '../diagnostics/index.js';

/**
 * The rules of `formulary check`, as data: code, severity, a one-paragraph doc with a bad and a
 * good example, the hint printed with each finding, and whether `--fix` repairs it.
 *
 * Codes are permanent: never rename one, only add (the loader's codes in src/diagnostics/codes.ts
 * are reused as they are, so a build report and a check report name the same defect the same way).
 */
export interface RuleDoc {
  code: CheckCode;
  /** Short name for lists and SARIF `shortDescription`. */
  title: string;
  severity: Severity;
  /** One paragraph: what is wrong, why it matters, how it is found. */
  summary: string;
  /** A short source excerpt that the rule reports. */
  bad: string;
  /** The same excerpt written so that the rule is silent. */
  good: string;
  /** What to do; printed under each finding. */
  hint: string;
  /** Whether `formulary check --fix` repairs it (safe, mechanical fixes only). */
  fixable: boolean;
  /** `loader`: found while reading the file (the build reports it too); `check`: found by a quality rule. */
  origin: 'loader' | 'check';
}

/** Codes found only by the quality rules. */
export const CHECK_CODES = [
  'title-h1-mismatch',
  'section-required-missing',
  'section-empty',
  'name-spelled-two-ways',
  'model-could-not-answer',
  'combination-per-ingredient',
  'dose-implausible',
  'pregnancy-contradiction',
  'dose-conflict-between-sources',
  'last-modified-stale',
  'last-modified-invalid',
  'link-broken',
  'heading-markup',
  'rule-failed',
] as const;
export type QualityCode = (typeof CHECK_CODES)[number];
export type CheckCode = DiagnosticCode | QualityCode;

type LoaderText = Omit<RuleDoc, 'code' | 'severity' | 'hint' | 'origin'>;
type CheckText = Omit<RuleDoc, 'code' | 'origin'>;

/**
 * Docs of the loader's codes that reading monographs produces. Codes of other inputs (brand
 * catalogues, registries) get a generic doc from their hint, so a finding is never dropped.
 */
const LOADER: Partial<Record<DiagnosticCode, LoaderText>> = {
  'file-empty': {
    title: 'Empty file',
    summary: 'The file holds nothing but white space, so there is no page to build. It is usually an export that failed half-way or a placeholder that was never written.',
    bad: '(a 0-byte paracetamol.md)',
    good: '---\ntitle: Paracetamol\n---\n## Usage\n…',
    fixable: false,
  },
  'file-binary': {
    title: 'Binary file',
    summary: 'The file contains NUL bytes, so it is not a markdown monograph (an image, a word-processor file or a corrupted download saved with a .md name). It is refused as a whole.',
    bad: 'paracetamol.md holding the bytes of a .docx file',
    good: 'paracetamol.md holding UTF-8 markdown text',
    fixable: false,
  },
  'file-too-large': {
    title: 'File or frontmatter too large',
    summary: 'The file (or its frontmatter block) is over the size limit, which protects the build from runaway or hostile input. A genuine monograph is a few kilobytes; anything this large is a concatenation or generated junk.',
    bad: 'a 40 MB monograph, or a frontmatter block of 300 KB',
    good: 'one monograph per file, a few kilobytes each',
    fixable: false,
  },
  'file-unreadable': {
    title: 'Unreadable file',
    summary: 'The file could not be opened (permissions, a broken link, a file removed while the check ran). Nothing in it could be checked.',
    bad: '-rw------- root root paracetamol.md (read by another user)',
    good: '-rw-r--r-- paracetamol.md',
    fixable: false,
  },
  'file-encoding': {
    title: 'Not UTF-8',
    summary: 'The file has bytes that are not valid UTF-8 (often Latin-1 `µ` or `²` from an old editor). They were replaced by U+FFFD, so a dose such as "5 µg" may show as "5 �g".',
    bad: '0.5 mg/m\\xB2 (Latin-1 byte for ²)',
    good: '0.5 mg/m² (UTF-8)',
    fixable: false,
  },
  'frontmatter-missing': {
    title: 'No frontmatter',
    summary: 'The file does not start with a `---` YAML block, so it has no title or metadata and cannot be published. Every monograph starts with one.',
    bad: '# Paracetamol\n## Usage\n…',
    good: '---\ntitle: Paracetamol\n---\n## Usage\n…',
    fixable: false,
  },
  'frontmatter-unterminated': {
    title: 'Frontmatter never closed',
    summary: 'The `---` block that opens the file is never closed, so the whole file would be read as YAML. Usually the closing fence was deleted by accident.',
    bad: '---\ntitle: Paracetamol\n## Usage\n…',
    good: '---\ntitle: Paracetamol\n---\n## Usage\n…',
    fixable: false,
  },
  'frontmatter-invalid-yaml': {
    title: 'Broken frontmatter YAML',
    summary: 'The frontmatter is not valid YAML, so none of its fields (title, description, FAQs) can be read and the file is refused. The position is the YAML parser\'s own.',
    bad: '---\ntitle: Paracetamol: 500 mg\nfaqs: [\n---',
    good: '---\ntitle: "Paracetamol: 500 mg"\nfaqs: []\n---',
    fixable: false,
  },
  'frontmatter-alias-limit': {
    title: 'YAML alias bomb',
    summary: 'The frontmatter uses more YAML aliases than any monograph needs, the shape of a "billion laughs" attack that would expand to gigabytes. The file is refused.',
    bad: '---\na: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n…',
    good: '---\ntitle: Paracetamol\n---',
    fixable: false,
  },
  'frontmatter-not-mapping': {
    title: 'Frontmatter is not key/value fields',
    summary: 'The frontmatter parses, but as a list or a single value rather than `key: value` fields, so it has no title.',
    bad: '---\n- Paracetamol\n---',
    good: '---\ntitle: Paracetamol\n---',
    fixable: false,
  },
  'frontmatter-field-type': {
    title: 'Frontmatter field of the wrong type',
    summary: 'A known field has a value of the wrong type (`is_banned: maybe`, `faqs` as a string, a FAQ without `q`), so the value was ignored.',
    bad: 'is_banned: maybe',
    good: 'is_banned: false',
    fixable: false,
  },
  'title-missing': {
    title: 'Missing title',
    summary: 'The frontmatter has no `title`, so the page cannot be named, linked or found by search, and the file is refused.',
    bad: '---\nlayout: minimal-medicine\n---\n# Ibalizumab',
    good: '---\nlayout: minimal-medicine\ntitle: Ibalizumab\n---\n# Ibalizumab',
    fixable: false,
  },
  'unsafe-html': {
    title: 'Raw HTML or script in content',
    summary: 'The text contains raw HTML tags, event handlers or `javascript:` links. The site shows them as text and never runs them, but they are never intended in a monograph and usually come from a copy-paste or an injection.',
    bad: '### Usage\n<script>alert(1)</script> [more](javascript:alert(2))',
    good: '### Usage\nPlain markdown text, [more](/composition/paracetamol/)',
    fixable: false,
  },
  'faq-frontmatter-damaged': {
    title: 'Damaged frontmatter FAQ',
    summary: 'A frontmatter FAQ carries the known export damage: `q` holds the question, `**`, then the answer again after `**A:**`, and `a` starts with `A:**`. Search snippets and structured data built from these fields would show the markup. The pairs are repaired when read; `--fix` rewrites them from the body\'s FAQ section.',
    bad: "faqs:\n  - q: |-\n      Is it safe?**\n      **A:** Yes.\n    a: 'A:** Yes.'",
    good: 'faqs:\n  - q: Is it safe?\n    a: Yes.',
    fixable: true,
  },
  'faq-frontmatter-differs': {
    title: 'Frontmatter FAQ differs from the visible FAQ',
    summary: 'The frontmatter `faqs` and the FAQ section of the body disagree (a question only in one of them, or a different answer). The page shows the body\'s wording, but structured data or another site built from the frontmatter would say something else.',
    bad: 'faqs:\n  - q: Is it safe?\n    a: Yes.\n---\n## FAQs\n### Q1: Is it safe?\n**A:** Only under supervision.',
    good: 'faqs:\n  - q: Is it safe?\n    a: Only under supervision.\n---\n## FAQs\n### Q1: Is it safe?\n**A:** Only under supervision.',
    fixable: false,
  },
  'faq-unparsed': {
    title: 'FAQ section without readable pairs',
    summary: 'The FAQ section has text but no question/answer pair could be read from it, so no FAQ structured data is made and the section is shown as plain text.',
    bad: '## FAQs\nAsk your doctor about dosage and side effects.',
    good: '## FAQs\n### Q1: What is the usual dose?\n**A:** 500 mg every 6 hours.',
    fixable: false,
  },
  'description-damaged': {
    title: 'Damaged description',
    summary: 'The frontmatter `description` is not usable as written: it starts with a list marker (`- `), is cut off (ends with `...` or stops inside a word or sentence of the Usage text), or is only a lead-in such as "prescribed for the treatment of:". Search engines show this text under the page title. `--fix` regenerates it from the Usage section.',
    bad: "description: 'Alemtuzumab is prescribed for the treatment of:'",
    good: 'description: Alemtuzumab is prescribed for the treatment of relapsing forms of multiple sclerosis and B-cell chronic lymphocytic leukaemia.',
    fixable: true,
  },
  'description-missing': {
    title: 'No description',
    summary: 'The page has no `description` and no Usage section to make one from, so search engines get no summary of it.',
    bad: '---\ntitle: Paracetamol\n---\n## Dosage\n…',
    good: '---\ntitle: Paracetamol\ndescription: Paracetamol relieves mild to moderate pain and fever.\n---',
    fixable: false,
  },
  'combination-not-a-product': {
    title: 'Combination that does not exist',
    summary: 'The page says that the combination it describes is not a recognised or approved product ("not typically combined into a single formulation", "I cannot provide information on…"). Publishing it as a product page misleads readers; review or remove it.',
    bad: '# Benzocaine + Turpentine Oil\nI cannot provide information on this combination. It is not a recognized or approved pharmaceutical formulation.',
    good: '# Paracetamol + Caffeine\n### Usage\nParacetamol + caffeine tablets relieve headache and…',
    fixable: false,
  },
  'sections-missing': {
    title: 'No sections',
    summary: 'The page has no recognisable section at all (no Usage, Dosage, … heading or label), so nothing can be shown in the page\'s structure.',
    bad: '---\ntitle: Paracetamol\n---\nParacetamol is a painkiller.',
    good: '---\ntitle: Paracetamol\n---\n## Usage\nParacetamol is a painkiller.',
    fixable: false,
  },
  'link-unresolved-ingredient': {
    title: 'Ingredient without a page',
    summary: 'An ingredient named in a combination\'s title has no composition page, so the combination cannot link to it. Either the page is missing or the name is spelled differently in the title.',
    bad: 'title: Paracetamol + Cafeine   (no page "cafeine")',
    good: 'title: Paracetamol + Caffeine   (compositions/caffeine.md exists)',
    fixable: false,
  },
  'link-unresolved-generic': {
    title: 'Brand pointing at no page',
    summary: 'A brand page names a `generic_slug` or `combination_slug` that no page has, so the brand links to nothing and inherits no banned status.',
    bad: 'generic_slug: paracetmol',
    good: 'generic_slug: paracetamol',
    fixable: false,
  },
  'duplicate-source': {
    title: 'Same drug in two sources',
    summary: 'The same drug is described by two files (usually one per source site). The richer one is shown first and the other is kept as an alternate; review that they agree.',
    bad: 'rxhive-astro/compositions/ibalizumab.md and rxhive-jekyll/composition/i/ibalizumab.md',
    good: 'one file per drug, or two that agree',
    fixable: false,
  },
  'slug-collision': {
    title: 'Slug collision',
    summary: 'Two different drugs map to the same URL, so one of them is published under a `-2` URL that nobody links to. Usually two file names that differ only by punctuation or case.',
    bad: "compositions/ringer's-lactate.md and compositions/ringers-lactate.md with different titles",
    good: 'one file per URL',
    fixable: false,
  },
  'slug-changed': {
    title: 'File name not URL-safe',
    summary: 'The file name has characters that are not URL-safe (apostrophes, commas, spaces), so the page is published under a cleaned slug and the old URL redirects.',
    bad: "compositions/ringer's-lactate.md",
    good: 'compositions/ringers-lactate.md',
    fixable: false,
  },
};

const CHECK: Record<QualityCode, CheckText> = {
  'title-h1-mismatch': {
    title: 'Title differs from the H1',
    severity: 'warning',
    summary: 'The `# Heading` at the top of the body names a different drug (or a different spelling) than the frontmatter `title`. The page title, links and search use the frontmatter; readers see the H1. Compared case- and accent-insensitively, markup removed.',
    bad: '---\ntitle: Isatuximab\n---\n# Isatuximab-irfc',
    good: '---\ntitle: Isatuximab\n---\n# Isatuximab',
    hint: 'Make the first `# Heading` and the frontmatter `title` name the drug the same way.',
    fixable: false,
  },
  'section-required-missing': {
    title: 'Required section missing',
    severity: 'warning',
    summary: 'Every page of a format has the same sections (the minimal format: Generic Name, Usage, Dosage, Side Effects, How it Works, Precautions, FAQs; the rich format: Usage, Dosage, Side Effects, Contraindications, Precautions and FAQs at least). A page without one of them is incomplete, usually because the writer stopped early.',
    bad: '### Usage\n…\n### Side Effects\n…   (no ### Dosage)',
    good: '### Usage\n…\n### Dosage\n…\n### Side Effects\n…',
    hint: 'Add the missing sections with their usual headings, or check that an existing heading is spelled as the format expects.',
    fixable: false,
  },
  'section-empty': {
    title: 'Empty section',
    severity: 'warning',
    summary: 'A section or subsection heading is followed by no text before the next heading, so the page shows a heading with nothing under it.',
    bad: '#### **Children:**\n\n#### **Special Cases:**\n- Elderly: …',
    good: '#### **Children:**\n- Not established in children.\n\n#### **Special Cases:**\n- Elderly: …',
    hint: 'Write the section, or remove its heading.',
    fixable: false,
  },
  'name-spelled-two-ways': {
    title: "Drug's name spelled two ways",
    severity: 'warning',
    summary: "A word of the drug's own name (from the title) appears on the page in a second spelling one or two letters away, e.g. title \"Inotuzumab Ozogamacin\" and body \"ozogamicin\". One of them is a typo; search and readers may miss the page. Words that are the name of another page in the catalogue (prednisone on a prednisolone page) are not reported.",
    bad: 'title: Inotuzumab Ozogamacin\n…\n- Inotuzumab ozogamicin is prescribed for…',
    good: 'title: Inotuzumab Ozogamicin\n…\n- Inotuzumab ozogamicin is prescribed for…',
    hint: 'Use one spelling of the name throughout the page (and in the title and file name).',
    fixable: false,
  },
  'model-could-not-answer': {
    title: 'Writer could not answer',
    severity: 'warning',
    summary: 'The page contains the text of a writer (a language model) that could not or would not answer: "I cannot provide information…", "As an AI language model…", "I don\'t have specific information…". Such a page holds no reviewed content.',
    bad: '### Usage\nI am unable to provide information about this medication as I could not find reliable data.',
    good: '### Usage\nZoraltinib is used to treat…',
    hint: 'Write the page from a reliable source, or remove it.',
    fixable: false,
  },
  'combination-per-ingredient': {
    title: 'Per-ingredient page presented as one product',
    severity: 'warning',
    summary: 'A combination page describes each ingredient separately (`### Acebrophylline Usage`, `### Acetylcysteine Dosage`, …) instead of the combined product, usually because no such fixed-dose product exists. It is published as one product, which it is not.',
    bad: '# Acebrophylline + Acetylcysteine\n### Acebrophylline Usage\n…\n### Acetylcysteine Usage\n…',
    good: '# Acebrophylline + Acetylcysteine\n### Usage\nThe combination is used for…',
    hint: 'Describe the combined product, or remove the page if the combination is not a real product.',
    fixable: false,
  },
  'dose-implausible': {
    title: 'Implausible dose statement',
    severity: 'warning',
    summary: 'A dose statement cannot be right as written: the same value given per kg in one place and per m² in another (a mg/kg ↔ mg/m² confusion), a mixed unit such as "mg/m²/kg", an equivalent in parentheses that does not match ("0.000011 mg/kg/min (0.65 mcg/kg/min)"), or a daily dose more than ten times the maximum daily dose the page itself states. The engine does not decide which figure is right.',
    bad: '- Day 1: 0.8 mg/m² IV\n…\n**A:** 0.8 mg/kg on day 1.',
    good: '- Day 1: 0.8 mg/m² IV\n…\n**A:** 0.8 mg/m² on day 1.',
    hint: 'Check the dose against the prescribing information and correct the unit or the value.',
    fixable: false,
  },
  'pregnancy-contradiction': {
    title: 'Contradictory pregnancy statements',
    severity: 'warning',
    summary: 'One page says both that the drug is safe in pregnancy and that it is contraindicated (or must be avoided) in pregnancy. Statements limited to a trimester, or conditional ones ("only if clearly needed"), are not counted.',
    bad: '- Generally considered safe during pregnancy.\n…\n- Contraindicated in pregnancy.',
    good: '- Contraindicated in pregnancy: it can cause fetal harm.\n…\n- Contraindicated in pregnancy.',
    hint: 'Make the page say one thing about pregnancy, as the prescribing information does.',
    fixable: false,
  },
  'dose-conflict-between-sources': {
    title: 'Sources give conflicting doses',
    severity: 'warning',
    summary: 'The same drug is described by two sources whose Dosage sections give doses in the same unit that do not overlap at all and differ at least twofold (one says 0.5–1.8 mg/m², the other 5–8 mg/m²). One of them is wrong, or they describe different products.',
    bad: 'astro: Day 1: 0.8 mg/m² …   jekyll: 8 mg/m² on day 1 …',
    good: 'astro: Day 1: 0.8 mg/m² …   jekyll: 0.8 mg/m² on day 1 …',
    hint: 'Compare both sources with the prescribing information and correct the one that is wrong.',
    fixable: false,
  },
  'last-modified-stale': {
    title: 'Stale lastModified',
    severity: 'warning',
    summary: 'The page was last modified longer ago than the configured age (two years by default): medicine information changes, so old pages should be reviewed.',
    bad: "lastModified: '2019-03-01T00:00:00.000Z'",
    good: "lastModified: '2025-09-22T17:21:53.335Z'",
    hint: 'Review the page against current prescribing information and update `lastModified`.',
    fixable: false,
  },
  'last-modified-invalid': {
    title: 'Invalid lastModified',
    severity: 'warning',
    summary: '`lastModified` is not a date, or lies in the future, so the sitemap and the page show a wrong date.',
    bad: "lastModified: 'last week'",
    good: "lastModified: '2025-09-22T17:21:53.335Z'",
    hint: 'Write `lastModified` as an ISO date (2025-09-22 or 2025-09-22T17:21:53Z), not later than today.',
    fixable: false,
  },
  'link-broken': {
    title: 'Link to a page that does not exist',
    severity: 'warning',
    summary: 'A markdown link points inside the site (`/composition/x/`, `../compositions/x.md`) at a page the catalogue does not have, so readers get a 404.',
    bad: 'See [paracetamol](/composition/paracetmol/).',
    good: 'See [paracetamol](/composition/paracetamol/).',
    hint: 'Point the link at an existing page (check the slug), or remove it.',
    fixable: false,
  },
  'heading-markup': {
    title: 'Heading markup',
    severity: 'info',
    summary: 'Headings are written with bold markup or a trailing colon (`## **Usage**`, `#### **Adults:**`). The site strips it, but it is noise in the source and in other tools. `--fix` rewrites them as plain headings (`## Usage`, `#### Adults`); FAQ question headings and headings followed by text on the same line are left alone. Reported once per file.',
    bad: '## **Usage**\n#### **Adults:**',
    good: '## Usage\n#### Adults',
    hint: 'Run `formulary check --fix` to write the headings without bold and trailing colons.',
    fixable: true,
  },
  'rule-failed': {
    title: 'A rule failed',
    severity: 'error',
    summary: 'A rule threw an exception on this file, so the file was not fully checked. This is a bug in Formulary, not in the content; please report it with the file.',
    bad: '(any file that makes a rule throw)',
    good: '(the rule runs to the end)',
    hint: 'Report this with the file to the Formulary maintainers; the other rules still ran.',
    fixable: false,
  },
};

/** Every rule's doc, loader codes first (in the order of src/diagnostics/codes.ts), then the quality rules. */
export const RULE_DOCS: readonly RuleDoc[] = [
  ...(Object.keys(CODES) as DiagnosticCode[]).map((code): RuleDoc => {
    const info: { severity: Severity; hint: string } = CODES[code];
    const text = LOADER[code] ?? { title: code.replace(/-/g, ' '), summary: info.hint, bad: '', good: '', fixable: false };
    return { code, severity: info.severity, hint: info.hint, origin: 'loader', ...text };
  }),
  ...CHECK_CODES.map((code): RuleDoc => ({ code, origin: 'check', ...CHECK[code] })),
];

const BY_CODE = new Map<string, RuleDoc>(RULE_DOCS.map((d) => [d.code, d]));

/** The doc of a code; throws on an unknown code (a programming error). */
export function ruleDoc(code: string): RuleDoc {
  const d = BY_CODE.get(code);
  if (!d) throw new Error(`check: unknown rule code "${code}"`);
  return d;
}

/** The loader codes that have a full doc (bad and good example): those reading a monograph can produce. */
export const DOCUMENTED_LOADER_CODES = Object.keys(LOADER) as DiagnosticCode[];

export const isCheckCode = (code: string): code is CheckCode => BY_CODE.has(code);
