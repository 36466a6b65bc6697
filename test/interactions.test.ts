import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { brandProfile, checkInteractions, classPhrases, combinedProfile, compileGroups, defaultGroups, profileOf, type ProfileSource } from '../src/interactions/index.js';
import { pagePath, type Kind } from '../src/model/index.js';
import { normalizeFile } from '../src/normalize/index.js';

// The interaction check (issue 6): which statements of one monograph name another drug, by name or by
// a group the other's own monograph puts it in. Monographs are written here in the corpus's format.

function drug(slug: string, title: string, body: string, kind: Kind = 'composition', front = ''): ProfileSource {
  const text = `---\ntitle: ${title}\n${front}---\n\n${body}\n`;
  const r = normalizeFile({ file: `test/${slug}.md`, bytes: Buffer.from(text), kindHint: kind });
  assert.ok(r.monograph, `fixture ${slug} normalizes`);
  return { ...r.monograph, slug, url: pagePath(kind, slug) };
}

const groups = defaultGroups();

const clarithro = drug(
  'clarithro',
  'Clarithro',
  `## Usage\n\nClarithro is a macrolide antibiotic used to treat infections.\n\n## Side Effects\n\n- Nausea\n- QT prolongation\n\n## Drug Interactions\n\n- Statins (lovastatin, simvo): Increased risk of rhabdomyolysis.\n- CYP3A4 inhibitors: increase clarithro levels.`,
);
const simvo = drug(
  'simvo',
  'Simvo',
  `## Usage\n\nSimvo lowers cholesterol.\n\n## Drug Interactions\n\n- Macrolide antibiotics: raise simvo levels and the risk of myopathy.\n- Grapefruit juice: avoid large amounts.`,
);
const arrhythm = drug('arrhythm', 'Arrhythm', `## Usage\n\nArrhythm treats arrhythmias.\n\n## Drug Interactions\n\n- QT prolonging drugs: risk of torsades de pointes.`);
const quiet = drug(
  'quiet',
  'Quiet',
  `## Usage\n\nQuiet relieves pain.\n\n## Drug Interactions\n\n- Avoid with CYP3A4 inhibitors and with immunosuppressants.\n\n## Side Effects\n\n- Drowsiness`,
);

describe('profiles: what a monograph says its own drug is', () => {
  test('a class sentence, or a defining side effect, puts a drug in a group, with that sentence as evidence', () => {
    const p = profileOf(clarithro, groups);
    const ids = p.groups.map((g) => g.id).sort();
    assert.deepEqual(ids, ['macrolide-antibiotics', 'qt-prolonging']);
    assert.match(p.groups.find((g) => g.id === 'macrolide-antibiotics')!.evidence.text, /is a macrolide antibiotic/);
    assert.equal(p.groups.find((g) => g.id === 'qt-prolonging')!.evidence.text, 'QT prolongation');
    assert.equal(p.groups.find((g) => g.id === 'qt-prolonging')!.evidence.file, 'test/clarithro.md');
  });

  test('naming a group in its own interaction statements never makes a drug a member', () => {
    assert.deepEqual(profileOf(quiet, groups).groups, [], 'Quiet only says to avoid CYP3A4 inhibitors and immunosuppressants');
    assert.deepEqual(profileOf(arrhythm, groups).groups, [], 'Arrhythm only warns about QT-prolonging drugs');
  });

  test('the groups file is validated: a bad pattern is an error naming the group', () => {
    assert.throws(() => compileGroups({ groups: [{ id: 'x', label: 'x', mentions: ['x drugs'], classTerms: [], self: ['('], source: 's' }] }), /group x has a bad pattern/);
    assert.throws(() => compileGroups({ groups: [{ id: 'x', label: 'x', mentions: [], classTerms: [], self: [], source: 's' }] }), /mentions/);
  });
});

describe('checkInteractions', () => {
  test('by name, in both directions, with the statement and its line', () => {
    const r = checkInteractions([profileOf(clarithro, groups), profileOf(simvo, groups)], groups);
    assert.equal(r.pairs.length, 1);
    const f = r.pairs[0]!.findings;
    const byName = f.find((x) => x.by === 'name');
    assert.ok(byName, 'Clarithro names Simvo');
    assert.equal(byName.in, 'clarithro');
    assert.equal(byName.term, 'Simvo');
    assert.match(byName.statement.text, /^Statins \(lovastatin, simvo\)/);
    assert.ok(byName.statement.source.line > 1);
    const byClass = f.find((x) => x.by === 'class');
    assert.ok(byClass, 'Simvo names macrolide antibiotics, and Clarithro\'s class is macrolide antibiotic');
    assert.equal(byClass.in, 'simvo');
    assert.equal(byClass.term, 'macrolide antibiotic');
    assert.match(byClass.evidence!.text, /Clarithro is a macrolide antibiotic/);
    assert.equal(f.length, 2, 'one finding per statement: the class, not also its group');
  });

  test('by class: the phrases a class gives, singular or plural, never a bare head noun', () => {
    const ppi = drug('ppizole', 'Ppizole', `## Usage\n\nPpizole is a proton pump inhibitor (PPI) used to treat ulcers.\n\n## Drug Interactions\n\n- None known.`);
    const anti = drug('plateletin', 'Plateletin', `## Usage\n\nPlateletin is an antiplatelet agent used to prevent clots.\n\n## Drug Interactions\n\n- Proton pump inhibitors: reduce its effect.\n- Other inhibitors: no effect.`);
    const other = drug('anticoag', 'Anticoag', `## Usage\n\nAnticoag thins blood.\n\n## Drug Interactions\n\n- Antiplatelets: bleeding risk.`);
    assert.deepEqual(classPhrases(profileOf(ppi, groups)), ['proton pump inhibitor']);
    assert.deepEqual(classPhrases(profileOf(anti, groups)), ['antiplatelet agent', 'antiplatelet']);
    const r = checkInteractions([profileOf(ppi, groups), profileOf(anti, groups), profileOf(other, groups)], groups);
    const of = (a: string, b: string) => r.pairs.find((p) => p.a === a && p.b === b)!.findings.map((x) => [x.in, x.by, x.term, x.statement.text]);
    assert.deepEqual(of('ppizole', 'plateletin'), [['plateletin', 'class', 'proton pump inhibitor', 'Proton pump inhibitors: reduce its effect']]);
    assert.deepEqual(of('plateletin', 'anticoag'), [['anticoag', 'class', 'antiplatelet', 'Antiplatelets: bleeding risk']]);
    assert.deepEqual(of('ppizole', 'anticoag'), [], '"Other inhibitors" names no class');
  });

  test('by a group defined by an effect (QT prolongation)', () => {
    const r = checkInteractions([profileOf(arrhythm, groups), profileOf(clarithro, groups)], groups);
    const f = r.pairs[0]!.findings;
    assert.deepEqual(
      f.map((x) => [x.in, x.by, x.term]),
      [['arrhythm', 'group', 'drugs that prolong the QT interval']],
    );
  });

  test('nothing said: the pair is listed with no finding (never "safe")', () => {
    const r = checkInteractions([profileOf(quiet, groups), profileOf(simvo, groups)], groups);
    assert.deepEqual(r.pairs.map((p) => [p.a, p.b, p.findings.length]), [['quiet', 'simvo', 0]]);
  });

  test('every pair of several drugs, in input order; a drug listed twice is one', () => {
    const ps = [clarithro, simvo, arrhythm, quiet].map((d) => profileOf(d, groups));
    const r = checkInteractions([...ps, ps[0]!], groups);
    assert.deepEqual(
      r.pairs.map((p) => `${p.a}×${p.b}`),
      ['clarithro×simvo', 'clarithro×arrhythm', 'clarithro×quiet', 'simvo×arrhythm', 'simvo×quiet', 'arrhythm×quiet'],
    );
  });

  test('a word inside another word is not a name match; names under 4 letters are not looked for', () => {
    const para = drug('para', 'Para', `## Usage\n\nPara relieves pain.\n\n## Drug Interactions\n\n- Oth: avoid together.`);
    const oth = drug('oth', 'Oth', `## Usage\n\nOth.\n\n## Drug Interactions\n\n- Para: increased effect.\n- Simvolin: no effect.`);
    const r = checkInteractions([profileOf(para, groups), profileOf(oth, groups), profileOf(simvo, groups)], groups);
    assert.deepEqual(
      r.pairs.find((p) => p.a === 'para' && p.b === 'oth')!.findings.map((f) => [f.in, f.by, f.term]),
      [['oth', 'name', 'Para']],
      'Oth names Para; a 3-letter name is too likely an accident to look for',
    );
    assert.deepEqual(r.pairs.find((p) => p.a === 'oth' && p.b === 'simvo')!.findings, [], '"Simvolin" is not "Simvo"');
  });

  test('a brand speaks through its generic; a combination through its ingredients, each statement naming whose it is', () => {
    const brand = drug('clarimax-500', 'Clarimax 500', `Clarimax 500 tablet.`, 'medicine', 'company: Example Pharma\n');
    const viaBrand = brandProfile(brand, profileOf(clarithro, groups));
    assert.equal(viaBrand.title, 'Clarimax 500');
    assert.deepEqual(viaBrand.via, { title: 'Clarithro', url: '/composition/clarithro/' });
    const combo = drug('simvo-quiet', 'Simvo + Quiet', `## Usage\n\nA fixed-dose combination.`, 'combination');
    const merged = combinedProfile(profileOf(combo, groups), [profileOf(simvo, groups), profileOf(quiet, groups)]);
    const r = checkInteractions([viaBrand, merged], groups);
    const f = r.pairs[0]!.findings;
    const fromSimvo = f.find((x) => x.in === 'simvo-quiet');
    assert.ok(fromSimvo, 'the combination (through Simvo) names macrolide antibiotics; Clarimax is Clarithro');
    assert.deepEqual(fromSimvo.statement.from, { title: 'Simvo', url: '/composition/simvo/' });
    const fromBrand = f.find((x) => x.in === 'clarimax-500');
    assert.ok(fromBrand, 'Clarithro (for Clarimax 500) names Simvo, an ingredient of the combination');
    assert.equal(fromBrand.term, 'Simvo');
  });

  test('two medicines with the same ingredient are flagged as such (a brand and a combination of its generic)', () => {
    const combo = drug('simvo-quiet', 'Simvo + Quiet', `## Usage\n\nA fixed-dose combination.`, 'combination');
    const merged = combinedProfile(profileOf(combo, groups), [profileOf(simvo, groups), profileOf(quiet, groups)]);
    const brand = brandProfile(drug('simvomax', 'Simvomax', `Simvomax tablet.`, 'medicine', 'company: Example Pharma\n'), profileOf(simvo, groups));
    const r = checkInteractions([brand, merged, profileOf(clarithro, groups)], groups);
    assert.deepEqual(r.pairs.map((p) => [p.a, p.b, p.shared.map((i) => i.title)]), [
      ['simvomax', 'simvo-quiet', ['Simvo']],
      ['simvomax', 'clarithro', []],
      ['simvo-quiet', 'clarithro', []],
    ]);
  });

  test('a negated or hyphen-joined word names nothing: a "non-opioid analgesic" is not an opioid', () => {
    const nefo = drug('nefo', 'Nefo', `## Usage\n\nNefo is a non-opioid analgesic used for pain.\n\n## Drug Interactions\n\n- None known.`);
    const opi = drug('opi', 'Opi', `## Usage\n\nOpi relieves cough.\n\n## Drug Interactions\n\n- Other opioids: respiratory depression.`);
    assert.deepEqual(profileOf(nefo, groups).groups, []);
    assert.deepEqual(checkInteractions([profileOf(nefo, groups), profileOf(opi, groups)], groups).pairs[0]!.findings, []);
  });
});

