import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import * as clinical from '../src/clinical/index.js';
import { ClinicalFactsSchema, extractClinicalFacts, type SafetyStatus } from '../src/clinical/index.js';
import { statusOf } from '../src/clinical/pregnancy.js';
import { caseNamed } from './helpers/cases.js';
import { dosagePage, page } from './helpers/clinical.js';
import { normalizeCase } from './helpers/fixtures.js';

// Pregnancy and breastfeeding status, lists, half-life, targets and class, the schema, and that odd
// text never throws.

test('public API: src/clinical exports the extraction entry points and the schemas of what they return', () => {
  for (const name of ['ClinicalFactsSchema', 'RegimenSchema', 'SafetyFactSchema', 'SourceRefSchema', 'extractClinicalFacts', 'extractRegimens']) {
    assert.ok(name in clinical, `src/clinical/index.ts does not export ${name}`);
  }
});

const STATUS: [string, SafetyStatus | null][] = [
  ['Contraindicated. It can cause fetal harm.', 'contraindicated'],
  ['Isatuximab can harm a developing fetus, and use during pregnancy is contraindicated.', 'contraindicated'],
  ['Category X.', 'contraindicated'],
  ['Not recommended unless essential.', 'avoid'],
  ['It should be avoided during pregnancy unless the benefits clearly outweigh the risks.', 'avoid'],
  ['Safety in pregnancy has not been established.', 'not-established'],
  ['Not established.', 'not-established'],
  ['It is unknown whether the drug is excreted in human milk.', 'not-established'],
  ['Use with caution and only if clearly needed.', 'caution'],
  ['Use only if the potential benefit justifies the potential risk to the fetus.', 'caution'],
  ['Generally considered compatible with pregnancy when clinically needed.', 'compatible'],
  ['Generally considered safe, but weigh benefits versus potential risks.', 'compatible'],
  ['Not contraindicated in pregnancy.', null],
  ['Animal studies show no risk.', null],
  ['Crosses the placenta.', null],
  // Safe with a limit on the kind of use is caution; safe in food amounts with a limit rates no medicine.
  ['Generally considered safe for occasional use during pregnancy, but prolonged use should be avoided.', 'caution'],
  ['Occasional use is generally considered safe during pregnancy, but prolonged or frequent use should be avoided.', 'caution'],
  ["While generally considered safe in food amounts, it's best to avoid excessive consumption during these periods.", null],
];
for (const [sentence, status] of STATUS) {
  test(`pregnancy status of "${sentence}" is ${status ?? 'nothing'}`, () => {
    assert.equal(statusOf(sentence), status);
  });
}

const pregnancyPage = (text: string, title = 'Examplumab'): ReturnType<typeof extractClinicalFacts> =>
  extractClinicalFacts(page({ Dosage: '- 10 mg once daily.', 'Pregnancy and Breastfeeding': text }, title.includes('+') ? { title, kind: 'combination' } : { title }));

test('pregnancy and breastfeeding from the rich format\'s labelled bullets, with the sentence and line; advice after "not established" rates use', () => {
  const f = pregnancyPage('- **Pregnancy Safety Category:** Not established. Use only if potential benefit outweighs the potential risk to the fetus.\n- **Breastfeeding:** Breastfeeding should be avoided during treatment.');
  assert.deepEqual(f.pregnancy, { status: 'caution', category: null, source: { file: 'test/example.md', line: 10, text: 'Use only if potential benefit outweighs the potential risk to the fetus.' } });
  assert.equal(f.breastfeeding?.status, 'avoid');
  assert.deepEqual(pregnancyPage('- **Pregnancy Safety Category:** Not established. Itolizumab can cross the placental barrier.').pregnancy?.status, 'not-established', 'no advice: the evidence is the status');
  assert.deepEqual(pregnancyPage('- **Pregnancy:** Use with caution. Not established in humans.').pregnancy?.status, 'caution', 'the first rating, when it is advice');
});

test('pregnancy: a letter category alone gives the category, not a status (except X)', () => {
  assert.deepEqual(pregnancyPage('- **Pregnancy Safety Category:** C').pregnancy?.category, 'C');
  assert.equal(pregnancyPage('- **Pregnancy Safety Category:** C').pregnancy?.status, null);
  assert.equal(pregnancyPage('- **Pregnancy Safety Category:** Category X.').pregnancy?.status, 'contraindicated');
});

test('pregnancy: advice that differs by trimester, or that rates one ingredient of a combination, gives no status', () => {
  assert.equal(pregnancyPage('- **Pregnancy:** Avoid during the third trimester. Use with caution during the first and second trimesters.').pregnancy?.status ?? null, null);
  assert.equal(pregnancyPage('- **Amoxycillin:** Generally considered safe during pregnancy.\n- **Tinidazole:** Contraindicated during the first trimester.', 'Amoxycillin + Tinidazole').pregnancy?.status ?? null, null);
});

const SUMMARY_BOTH: [string, SafetyStatus | null][] = [
  // The status word of the breastfeeding clause is not pregnancy's.
  ['Use with caution during pregnancy, avoid while breastfeeding.', 'caution'],
  ['Not recommended during pregnancy, contraindicated during breastfeeding.', 'avoid'],
  ['Generally safe during pregnancy (use with ritonavir), contraindicated during breastfeeding.', 'compatible'],
];
for (const [sentence, status] of SUMMARY_BOTH) {
  test(`pregnancy from the summary's "${sentence}" is ${status ?? 'nothing'}`, () => {
    const f = extractClinicalFacts(page({ Dosage: '- 10 mg once daily.', 'Drug Profile Summary': `- **Pregnancy & Breastfeeding:** ${sentence}` }));
    assert.equal(f.pregnancy?.status ?? null, status);
  });
}

const SECTION_FIRST: { name: string; title?: string; sections: Record<string, string>; want: SafetyStatus | null }[] = [
  {
    name: 'a pregnancy statement that differs by trimester gives nothing, whatever the summary says',
    sections: {
      'Pregnancy and Breastfeeding': 'Pregnancy Category:  Generally considered safe in the first two trimesters if clearly needed. Use in the third trimester is not recommended due to potential adverse effects on the newborn.\nBreastfeeding: Dexchlorpheniramine is excreted in breast milk. It\'s generally not recommended during breastfeeding.',
      'Drug Profile Summary': '- **Pregnancy & Breastfeeding:** Use with caution during pregnancy, avoid while breastfeeding.',
    },
    want: null,
  },
  {
    name: 'a pregnancy statement given per ingredient gives nothing, whatever the summary says',
    title: 'Ambroxol + Cefixime + Lactobacillus',
    sections: {
      'Pregnancy and Breastfeeding': 'Cefixime is generally considered safe during pregnancy. Ambroxol should be avoided, especially during the first trimester. Consult a physician. Small amounts of both drugs may be present in breast milk.  Consult a physician.',
      'Drug Profile Summary': '- **Pregnancy & Breastfeeding:** Generally safe, but consult a physician.',
    },
    want: null,
  },
  {
    name: '"during these periods" speaks of the pregnancy the sentence before named; its advice outranks the other sections',
    sections: {
      'Pregnancy and Breastfeeding': 'The safety of using Liver Fraction 2 during pregnancy and breastfeeding has not been adequately established. It is recommended to avoid use during these periods unless specifically advised by a physician. High doses of Vitamin A found in some formulations can have teratogenic effects.',
      'Drug Profile Summary': '- **Pregnancy & Breastfeeding:**  Avoid unless specifically advised by physician.',
      Precautions: '- **Specific Populations:** Caution in pregnancy and breastfeeding.',
    },
    want: 'avoid',
  },
  {
    name: '"has not been established" before advice about "these periods" is the advice\'s reason',
    sections: { 'Pregnancy and Breastfeeding': 'The safety of this combination during pregnancy and breastfeeding has not been established. It is recommended to avoid use during these periods unless the potential benefits clearly outweigh the risks.' },
    want: 'avoid',
  },
  {
    name: 'safe for occasional use, prolonged use avoided',
    title: 'Alginic Acid + Magaldrate + Simethicone',
    sections: { 'Pregnancy and Breastfeeding': 'Consult a physician before use. Generally considered safe for occasional use during pregnancy, but prolonged use should be avoided.  Consult a physician before use during breastfeeding.' },
    want: 'caution',
  },
];
for (const c of SECTION_FIRST) {
  test(`pregnancy: ${c.name}`, () => {
    const title = c.title ?? 'Examplumab';
    const f = extractClinicalFacts(page({ Dosage: '- 10 mg once daily.', ...c.sections }, title.includes('+') ? { title, kind: 'combination' } : { title }));
    assert.equal(f.pregnancy?.status ?? null, c.want);
  });
}

test('pregnancy: a rating of one ingredient alone, of the product with a reason, or of "both" is no statement per ingredient', () => {
  const sections = (text: string): Record<string, string> => ({ Dosage: '- 10 mg once daily.', 'Pregnancy and Breastfeeding': text, 'Drug Profile Summary': '- **Pregnancy & Breastfeeding:** Contraindicated.' });
  const combo = { title: 'Atenolol + Hydrochlorothiazide + Losartan', kind: 'combination' as const };
  assert.equal(extractClinicalFacts(page(sections('Contraindicated during pregnancy, especially the second and third trimesters, due to the risk of fetal harm (losartan).'), combo)).pregnancy?.status, 'contraindicated');
  assert.equal(extractClinicalFacts(page(sections('Losartan is contraindicated during pregnancy.'), combo)).pregnancy?.status, 'contraindicated');
  assert.equal(extractClinicalFacts(page(sections('Losartan is contraindicated during pregnancy. Atenolol should be used with caution during pregnancy.'), combo)).pregnancy, null);
});

test('pregnancy in prose: a rating-only sentence speaks for the next; statements that disagree give nothing', () => {
  const minimal = (precautions: string): ReturnType<typeof extractClinicalFacts> => extractClinicalFacts(page({ Dosage: '- 10 mg once daily.', Precautions: precautions }));
  assert.equal(minimal('Examplumab is contraindicated in patients with active bleeding. Contraindicated. It can cause fetal harm.').pregnancy?.status, 'contraindicated');
  assert.equal(minimal('Examplumab is contraindicated in patients with active bleeding; pregnancy. Safety in pregnancy has not been established.').pregnancy, null);
  assert.equal(minimal('Data on human pregnancy is limited. Avoid during pregnancy unless benefits outweigh risks.').pregnancy?.status, 'avoid');
});

test('contraindications, interactions and monitoring as listed, with their lines', () => {
  const f = extractClinicalFacts(
    page({
      Dosage: '- 10 mg once daily.',
      Contraindications: '- Hypersensitivity to the drug or any of its components\n- Active tuberculosis',
      'Drug Interactions': '- Live vaccines\n- Limited drug interaction studies available.',
      'Drug Profile Summary': '- **Monitoring Parameters:** Complete blood counts, Liver function tests, Blood pressure.',
    }),
  );
  assert.deepEqual(f.contraindications.map((c) => [c.text, c.source.line]), [['Hypersensitivity to the drug or any of its components', 10], ['Active tuberculosis', 11]]);
  assert.deepEqual(f.interactions.map((c) => c.text), ['Live vaccines', 'Limited drug interaction studies available']);
  assert.deepEqual(f.monitoring.map((c) => c.text), ['Complete blood counts', 'Liver function tests', 'Blood pressure']);
});

test('contraindications from prose: the list after "contraindicated in patients with"', () => {
  const f = extractClinicalFacts(page({ Dosage: '- 10 mg once daily.', Precautions: 'Examplumab is contraindicated in patients with severe hepatic impairment; active bleeding.' }));
  assert.deepEqual(f.contraindications.map((c) => c.text), ['severe hepatic impairment', 'active bleeding']);
});

test('half-life in hours (days converted, ranges kept); a metabolite\'s or two values give nothing', () => {
  const hl = (text: string): ReturnType<typeof extractClinicalFacts>['halfLife'] => extractClinicalFacts(page({ Dosage: '- 10 mg once daily.', 'How It Works': text })).halfLife;
  assert.deepEqual([hl('- **Pharmacokinetics:** The elimination half-life is approximately 11 days.')?.hours, hl('- The half-life is 12-15 hours.')?.hoursMax], [264, 15]);
  assert.equal(hl('- The half-life of the active metabolite is 20 hours.'), null);
  assert.equal(hl('- Its half-life is 2 hours in adults and 8 hours in neonates.'), null);
});

test('targets named after a verb of action; cells and viruses are not targets', () => {
  const t = (text: string): string[] => extractClinicalFacts(page({ Usage: text, Dosage: '- 10 mg once daily.' })).targets.map((x) => x.name);
  assert.deepEqual(t('- **Mechanism of Action:** Examplumab acts on CD38 and HER2, which explains its effect.'), ['CD38', 'HER2']);
  assert.deepEqual(t('- Itolizumab targets the CD6 receptor on T lymphocytes.'), ['CD6 receptor']);
  assert.deepEqual(t('- It inhibits HMG-CoA reductase and blocks the L-type calcium channel.'), ['HMG-CoA reductase', 'L-type calcium channel']);
  assert.deepEqual(t('- It blocks the virus from entering cells and inhibits viral replication.'), []);
});

test('drug class: the classification label, else "is a <class> used to" when it names a kind of drug', () => {
  const rich = extractClinicalFacts(page({ Usage: '- **Pharmacological classification:** Monoclonal antibody.', Dosage: '- 10 mg once daily.' }));
  assert.equal(rich.drugClass?.text, 'Monoclonal antibody');
  const minimal = (usage: string): string | undefined => extractClinicalFacts(page({ Usage: usage, Dosage: '- 10 mg once daily.' })).drugClass?.text;
  assert.equal(minimal('Examplumab is a tyrosine kinase inhibitor used to treat chronic myeloid leukaemia.'), 'tyrosine kinase inhibitor');
  assert.equal(minimal('Examplumab is a prescription medication used in combination with other drugs.'), undefined);
});

test('the seeds\' facts validate against the schema, and every source line holds its text', () => {
  for (const name of ['seed-itolizumab', 'seed-inotuzumab-ozogamicin', 'seed-ibalizumab', 'seed-alemtuzumab', 'seed-isatuximab']) {
    const c = caseNamed(name);
    const m = normalizeCase(c).monograph;
    assert.ok(m);
    const facts = extractClinicalFacts(m);
    ClinicalFactsSchema.parse(facts);
    const lines = readFileSync(new URL(`./fixtures/${name}/input.md`, import.meta.url), 'utf8').replace(/\r\n?/g, '\n').split('\n');
    const sources = [...facts.regimens.map((r) => r.source), ...facts.contraindications.map((x) => x.source), ...facts.targets.map((x) => x.source)];
    for (const s of sources) {
      const words = s.text.replace(/[*_]/g, '').split(/\s+/).slice(0, 3).join(' ');
      assert.ok(lines[s.line - 1]!.replace(/[*_]/g, '').replace(/\s+/g, ' ').includes(words), `${name}:${s.line} does not hold "${s.text}"`);
    }
  }
});

test('odd text never throws and always gives schema-valid facts', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('', '- ', '* **Adults:** ', '#### ', '    - Day 1: '), (text, prefix) => {
      const facts = extractClinicalFacts(dosagePage(`${prefix}${text} 10 mg/kg ${text} every ${text.length} hours (${text}`));
      ClinicalFactsSchema.parse(facts);
    }),
    { numRuns: 200 },
  );
});
