import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyPatch } from 'diff';
import { checkFileOf, contentFingerprint, fixFile, readCheckFile, runChecks, unifiedDiff, writeFix, catalogOf } from '../src/check/index.js';
import { descriptionDamage } from '../src/normalize/description.js';
import { CASES } from './helpers/cases.js';
import { runCli } from './helpers/cli.js';
import { FIXTURES_DIR } from './helpers/fixtures.js';
import { cleanTexts, NOW, only, writeTexts, type Texts } from './helpers/check.js';

const SEEDS = CASES.filter((c) => c.name.startsWith('seed-'));
const seedFile = (name: string): { file: string; bytes: Buffer; kindHint: (typeof SEEDS)[number]['kindHint'] } => {
  const c = SEEDS.find((s) => s.name === name)!;
  return { file: c.file, bytes: readFileSync(join(FIXTURES_DIR, c.name, 'input.md')), kindHint: c.kindHint };
};
const seedTexts = (): Texts => new Map(SEEDS.map((c) => [c.file, readFileSync(join(FIXTURES_DIR, c.name, 'input.md'), 'utf8')]));

test('fix: the three rich seeds get their description, FAQs and headings repaired; the minimal seeds need nothing', () => {
  for (const c of SEEDS) {
    const s = seedFile(c.name);
    const fix = fixFile(checkFileOf({ abs: null, file: s.file, kindHint: s.kindHint }, s.bytes));
    if (c.file.startsWith('rxhive-jekyll/')) {
      assert.equal(fix, null, c.name);
      continue;
    }
    assert.ok(fix, c.name);
    assert.deepEqual(fix.applied, ['description-damaged', 'faq-frontmatter-damaged', 'heading-markup'], c.name);
    const after = runChecks({ files: [fix.fixed], catalog: catalogOf([fix.fixed]) }, { now: NOW });
    for (const code of ['description-damaged', 'faq-frontmatter-damaged', 'heading-markup']) assert.deepEqual(only(after, code), [], `${c.name}: ${code} left`);
    const d = fix.fixed.result.monograph!.description;
    assert.equal(d.origin, 'frontmatter', 'the new description is used as written');
    assert.equal(descriptionDamage(d.original!), null);
  }
});

test('fix: fixing twice is fixing once (every seed and every clean fixture)', () => {
  const all: Texts = new Map([...seedTexts(), ...cleanTexts()]);
  for (const [file, text] of all) {
    const f = checkFileOf({ abs: null, file, kindHint: null }, Buffer.from(text as string));
    const once = fixFile(f);
    const twice = once ? fixFile(once.fixed) : null;
    assert.equal(twice, null, `${file}: a second fix changed the text again`);
  }
});

test('fix: never changes what a page says — every section, FAQ, title, status and date reads back the same', () => {
  for (const c of SEEDS) {
    const s = seedFile(c.name);
    const before = checkFileOf({ abs: null, file: s.file, kindHint: s.kindHint }, s.bytes);
    const fix = fixFile(before);
    if (!fix) continue;
    const a = before.result.monograph!;
    const b = fix.fixed.result.monograph!;
    assert.deepEqual(b.sections.map((x) => [x.id, x.heading, x.html]), a.sections.map((x) => [x.id, x.heading, x.html]), c.name);
    assert.deepEqual(b.faqs.map((x) => [x.question, x.answer]), a.faqs.map((x) => [x.question, x.answer]), c.name);
    assert.equal(contentFingerprint(fix.fixed.result), contentFingerprint(before.result));
  }
  // The guard is able to see a change of content: one dose differs, the fingerprint differs.
  const s = seedFile('seed-inotuzumab-ozogamicin');
  const changed = checkFileOf({ abs: null, file: s.file, kindHint: s.kindHint }, Buffer.from(s.bytes.toString('utf8').replace('Day 1: 0.8 mg/m²', 'Day 1: 8 mg/m²')));
  assert.notEqual(contentFingerprint(changed.result), contentFingerprint(checkFileOf({ abs: null, file: s.file, kindHint: s.kindHint }, s.bytes).result));
});

test('--fix writes atomically (a new file renamed over the old), only changed files, and twice = once on disk', async () => {
  const root = writeTexts(new Map([...seedTexts(), ...cleanTexts()]));
  const dirs = [join(root, 'rxhive-astro'), join(root, 'rxhive-jekyll'), '--today', '2026-01-01'];
  const seed = join(root, 'rxhive-astro/compositions/alemtuzumab.md');
  const clean = join(root, 'astro-site/compositions/zoraltinib.md');
  const inode = statSync(seed).ino;
  const cleanStat = statSync(clean);
  const first = await runCli(['check', ...dirs, '--fix']);
  assert.match(first.out, /^Fixed 3 files \(description-damaged in 3, faq-frontmatter-damaged in 3, heading-markup in 3\)\.$/m);
  assert.notEqual(statSync(seed).ino, inode, 'replaced by rename, not rewritten in place');
  assert.equal(statSync(clean).mtimeMs, cleanStat.mtimeMs, 'a file with nothing to fix is not written');
  assert.equal(statSync(clean).ino, cleanStat.ino);
  const once = readFileSync(seed, 'utf8');
  const second = await runCli(['check', ...dirs, '--fix']);
  assert.match(second.out, /^Nothing to fix; no file was changed\.$/m);
  assert.equal(readFileSync(seed, 'utf8'), once);
  // No temporary file is left beside the fixed ones.
  assert.deepEqual(readdirSync(join(root, 'rxhive-astro/compositions')).filter((n) => !n.endsWith('.md')), []);
});

test('a fix is not written over a file that changed on disk since it was read', () => {
  const root = writeTexts(seedTexts());
  const abs = join(root, 'rxhive-astro/compositions/itolizumab.md');
  const f = readCheckFile({ abs, file: 'rxhive-astro/compositions/itolizumab.md', kindHint: 'composition' });
  const fix = fixFile(f)!;
  writeFileSync(abs, readFileSync(abs, 'utf8') + '\nAn editor added this line.\n');
  const outcome = writeFix(fix, f.result.digest);
  assert.deepEqual(outcome, { file: fix.file, written: false, reason: 'it changed on disk while the check ran' });
  assert.match(readFileSync(abs, 'utf8'), /An editor added this line/);
});

test('--fix keeps a byte-order mark and CRLF line endings', async () => {
  const text = (seedTexts().get('rxhive-astro/compositions/itolizumab.md') as string).replace(/\n/g, '\r\n');
  const root = writeTexts(new Map([['rxhive-astro/compositions/itolizumab.md', '\uFEFF' + text]]));
  const r = await runCli(['check', join(root, 'rxhive-astro'), '--fix']);
  assert.match(r.out, /^Fixed 1 files/m);
  const bytes = readFileSync(join(root, 'rxhive-astro/compositions/itolizumab.md'));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const out = bytes.toString('utf8');
  assert.equal(out.split('\r\n').length, out.split('\n').length, 'every line ends with CRLF');
  assert.match(out, /## Usage\r\n/);
});

test('--fix --dry-run prints a unified diff that applies to the file, and writes nothing', async () => {
  const root = writeTexts(seedTexts());
  const abs = join(root, 'rxhive-astro/compositions/inotuzumab-ozogamicin.md');
  const before = readFileSync(abs, 'utf8');
  const r = await runCli(['check', join(root, 'rxhive-astro'), join(root, 'rxhive-jekyll'), '--fix', '--dry-run']);
  assert.equal(readFileSync(abs, 'utf8'), before, 'nothing written');
  assert.match(r.err, /3 files would be changed \(description-damaged in 3, faq-frontmatter-damaged in 3, heading-markup in 3\); nothing was written\./);
  assert.match(r.out, /^--- a\/rxhive-astro\/compositions\/inotuzumab-ozogamicin\.md\n\+\+\+ b\/rxhive-astro\/compositions\/inotuzumab-ozogamicin\.md$/m);
  assert.match(r.out, /^-## \*\*Usage\*\*\n\+## Usage$/m);
  const patch = r.out.split(/^=+$/m).find((p) => p.includes('--- a/rxhive-astro/compositions/inotuzumab-ozogamicin.md'));
  assert.ok(patch);
  const applied = applyPatch(before, patch);
  assert.equal(typeof applied, 'string');
  const f = readCheckFile({ abs, file: 'rxhive-astro/compositions/inotuzumab-ozogamicin.md', kindHint: 'composition' });
  assert.equal(applied, fixFile(f)!.after);
  assert.match(unifiedDiff(fixFile(f)!), /^=+\n--- a\/rxhive-astro\/compositions\/inotuzumab-ozogamicin\.md\n/);
});
