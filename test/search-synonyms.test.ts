import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildNamesIndex, loadSynonyms, lookupNames, parseSynonyms, type Synonyms } from '../src/search/index.js';
import { catalog, SYNONYMS_FIXTURE } from './fixtures/search/catalog.js';

const SYNONYMS = loadSynonyms(SYNONYMS_FIXTURE);
const sourceOf = (name: string): string => SYNONYMS.groups.find((g) => g.names.includes(name))!.source;

test('loadSynonyms reads the groups and their sources', () => {
  assert.ok(SYNONYMS.groups.length >= 5);
  assert.deepEqual(SYNONYMS.groups[0], { names: ['paracetamol', 'acetaminophen'], source: 'WHO INN: paracetamol; USAN: acetaminophen' });
});

test('parseSynonyms refuses what would make a name ambiguous or useless, as data', () => {
  const group = (names: string[], source = 'test source') => ({ names, source });
  assert.deepEqual(parseSynonyms({ groups: [group(['Adrenaline', 'epinephrine']), group(['ADRENALINE', 'adrenalin'])] }), {
    ok: false,
    message: 'synonyms: "ADRENALINE" is in group 1 and in group 2; a name must belong to one group (merge them)',
  });
  assert.deepEqual(parseSynonyms({ groups: [group(['Lidocaine', 'lidocaine '])] }), {
    ok: false,
    message: 'synonyms: group 1 (Lidocaine, lidocaine ) names only one drug name; remove it or add another name',
  });
  assert.deepEqual(parseSynonyms({ groups: [group(['™', 'x'])] }), {
    ok: false,
    message: 'synonyms: group 1 has the name "™", which has no letters or digits',
  });
  const shape = parseSynonyms({ groups: [{ names: ['a'] }] });
  assert.equal(shape.ok, false);
  assert.ok(!shape.ok && shape.message.startsWith('synonyms are malformed: '), !shape.ok ? shape.message : '');
  assert.deepEqual(parseSynonyms({ groups: [] }), { ok: true, synonyms: { groups: [] } });
});

test('loadSynonyms throws, naming the file, when it is missing or broken', () => {
  const dir = mkdtempSync(join(tmpdir(), 'formulary-synonyms-'));
  try {
    const missing = join(dir, 'none.json');
    assert.throws(() => loadSynonyms(missing), (e: Error) => e.message.startsWith(`synonyms file "${missing}" could not be read as JSON: `));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ groups: [{ names: ['x', 'X'], source: 's' }] }));
    assert.throws(() => loadSynonyms(bad), { message: `synonyms file "${bad}": synonyms: group 1 (x, X) names only one drug name; remove it or add another name` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const CATALOG = catalog([
  { title: 'Paracetamol', brandNames: ['Crocin'], synonyms: ['ACETAMINOPHEN', 'APAP'] },
  { title: 'Amoxycillin + Clavulanic Acid', brandNames: ['Augmentin'], aliases: ['amoxicillin-clavulanic-acid'] },
  { title: 'Caffeine + Paracetamol' },
  { title: 'Lignocaine' },
  // A combination listing an ingredient among its "synonyms" (real data does): not a name of the page.
  { title: 'Dicyclomine + Mefenamic Acid', synonyms: ['Acetaminophen'] },
]);
const INDEX = buildNamesIndex(CATALOG, { synonyms: SYNONYMS });

test('buildNamesIndex gives a page the other names of its group, each with its group', () => {
  const para = INDEX.items[0]!;
  // The page listed "ACETAMINOPHEN" itself: it becomes the curated synonym.
  assert.deepEqual(para.n, ['Paracetamol', 'Crocin', 'APAP', 'Acetaminophen']);
  assert.deepEqual(para.y, [INDEX.syn.findIndex((g) => g.n.includes('acetaminophen'))]);
  const lignocaine = INDEX.items[3]!;
  assert.deepEqual(lignocaine.n, ['Lignocaine', 'Lidocaine']); // capitalised like the title
  // Only the groups this site's names touch are kept; salbutamol, adrenaline, furosemide are not.
  assert.deepEqual(INDEX.syn.map((g) => g.n[0]).sort(), ['amoxicillin', 'clavulanic acid', 'lidocaine', 'paracetamol']);
  // The noisy synonym of a combination does not pull in a group.
  assert.deepEqual(INDEX.items[4]!.n, ['Dicyclomine + Mefenamic Acid', 'Acetaminophen']);
  assert.equal(INDEX.items[4]!.y, undefined);
});

test('buildNamesIndex writes combination names with each ingredient replaced by its synonyms', () => {
  const coAmox = INDEX.items[1]!;
  // The alias slug that spells a synonym name is replaced by that name.
  assert.deepEqual(coAmox.n, [
    'Amoxycillin + Clavulanic Acid',
    'Augmentin',
    'Amoxicillin + Clavulanic Acid',
    'Amoxycillin + Potassium clavulanate',
    'Amoxycillin + Clavulanate',
  ]);
  assert.equal(coAmox.y?.length, 3);
  assert.equal(coAmox.g, undefined); // the ingredients are the title's parts
});

test('an international name finds the page, saying which name matched and why', () => {
  const [hit, ...rest] = lookupNames(INDEX, 'acetaminophen').results;
  assert.deepEqual(
    { title: hit?.title, how: hit?.how, matched: hit?.matched, synonymSource: hit?.synonymSource },
    { title: 'Paracetamol', how: 'synonym', matched: 'Acetaminophen', synonymSource: sourceOf('acetaminophen') },
  );
  // The page that merely lists "Acetaminophen" (noise in real data) comes after the curated synonym.
  assert.deepEqual(
    rest.map((m) => [m.title, m.how]),
    [
      ['Dicyclomine + Mefenamic Acid', 'exact'],
      ['Caffeine + Paracetamol', 'contains'],
    ],
  );
  assert.equal(lookupNames(INDEX, 'LIDOCAINE').results[0]?.how, 'synonym');
  assert.equal(lookupNames(INDEX, 'Lignocaine').results[0]?.how, 'exact');
});

test('synonyms apply inside combinations: names and ingredient sets', () => {
  const byName = lookupNames(INDEX, 'amoxicillin + clavulanic acid').results[0];
  assert.equal(byName?.title, 'Amoxycillin + Clavulanic Acid');
  assert.equal(byName?.how, 'synonym');
  assert.equal(byName?.matched, 'Amoxicillin + Clavulanic Acid');
  // Two synonyms at once, in the other order: no name has that spelling, the ingredient set matches.
  const bySet = lookupNames(INDEX, 'potassium clavulanate and amoxicillin').results[0];
  assert.equal(bySet?.title, 'Amoxycillin + Clavulanic Acid');
  assert.equal(bySet?.how, 'combination');
  assert.equal(bySet?.synonymSource, `${sourceOf('clavulanate')}; ${sourceOf('amoxicillin')}`);
  const acetaminophenCaffeine = lookupNames(INDEX, 'acetaminophen caffeine').results[0];
  assert.deepEqual([acetaminophenCaffeine?.title, acetaminophenCaffeine?.how], ['Caffeine + Paracetamol', 'combination']);
  // The other order is one of the names the synonyms gave the page.
  const variant = lookupNames(INDEX, 'caffeine acetaminophen').results[0];
  assert.deepEqual([variant?.title, variant?.how, variant?.matched], ['Caffeine + Paracetamol', 'synonym', 'Caffeine + Acetaminophen']);
});

test('without synonyms, international names do not match', () => {
  const none: Synonyms = { groups: [] };
  const plain = buildNamesIndex(CATALOG, { synonyms: none });
  assert.deepEqual(plain.syn, []);
  // Only pages that list the name themselves, as their own names.
  assert.deepEqual(
    lookupNames(plain, 'acetaminophen').results.map((m) => [m.title, m.how]),
    [
      ['Dicyclomine + Mefenamic Acid', 'exact'],
      ['Paracetamol', 'exact'],
    ],
  );
  assert.equal(lookupNames(plain, 'lidocaine').results[0]?.how, 'fuzzy'); // two edits from lignocaine
  assert.equal(lookupNames(plain, 'clavulanic acid + amoxicillin').results[0]?.how, 'fuzzy'); // amoxycillin, one edit
});
