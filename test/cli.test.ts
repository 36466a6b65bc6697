import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { test } from 'node:test';
import { runCli } from './helpers/cli.js';

const CONTENT = new URL('../content/', import.meta.url).pathname;

const run = runCli;

const temp = (): string => mkdtempSync(join(tmpdir(), 'formulary-cli-'));

test('build: writes the site and the report, prints one summary line, exit 0 despite content notes', async () => {
  const dir = temp();
  const r = await run(['build', CONTENT, '--out', join(dir, 'dist'), '--cache-dir', join(dir, 'cache'), '--site-url', 'https://example.org']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Built \d+ files: 6 compositions, 2 combinations, 2 medicines from 10 source files .* Lines accounted for: (\d+)\/\1\. Report: /m);
  const report = JSON.parse(readFileSync(join(dir, 'dist', 'build-report.json'), 'utf8')) as { counts: Record<string, number> };
  assert.deepEqual(report.counts, { composition: 6, combination: 2, medicine: 2 });
  assert.ok(existsSync(join(dir, 'dist', 'composition', 'alemtuzumab', 'index.html')));
  // not a TTY: plain progress lines, no bar escape codes
  assert.doesNotMatch(r.err, /\u001b\[/);
});

test('build: a missing content folder and an unusable output folder are clear errors', async () => {
  const dir = temp();
  const missing = await run(['build', join(dir, 'nope'), '--out', join(dir, 'dist')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /does not exist or is not a folder/);
  writeFileSync(join(dir, 'file'), 'x');
  const bad = await run(['build', CONTENT, '--out', join(dir, 'file', 'dist'), '--no-cache']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /The build failed and the previous site .* was left as it was/);
});

test('build: SOURCE_DATE_EPOCH sets the build clock; a malformed one is refused before anything is written', async () => {
  const dir = temp();
  const r = await run(['build', CONTENT, '--out', join(dir, 'dist'), '--no-cache', '--quiet'], '', { ...process.env, SOURCE_DATE_EPOCH: '1767225600' });
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(readFileSync(join(dir, 'dist', 'build-report.json'), 'utf8')) as { builtAt: string };
  assert.equal(report.builtAt, '2026-01-01T00:00:00.000Z');
  for (const bad of ['yesterday', '-5', '1.5e9']) {
    const refused = await run(['build', CONTENT, '--out', join(dir, 'bad'), '--no-cache', '--quiet'], '', { ...process.env, SOURCE_DATE_EPOCH: bad });
    assert.equal(refused.code, 2, bad);
    assert.match(refused.err, /SOURCE_DATE_EPOCH is ".*", which is not a time: give whole seconds since 1970-01-01/);
    assert.equal(existsSync(join(dir, 'bad')), false);
  }
  const unset = await run(['build', CONTENT, '--out', join(dir, 'now'), '--no-cache', '--quiet'], '', { ...process.env, SOURCE_DATE_EPOCH: '' });
  assert.equal(unset.code, 0, unset.err);
  const builtAt = Date.parse((JSON.parse(readFileSync(join(dir, 'now', 'build-report.json'), 'utf8')) as { builtAt: string }).builtAt);
  assert.ok(Math.abs(builtAt - Date.now()) < 10 * 60_000, 'without it, the clock is now');
});

test('build: a bad --site-url is refused by the parser', async () => {
  const r = await run(['build', CONTENT, '--site-url', 'not a url']);
  assert.equal(r.code, 2);
  assert.match(r.err, /absolute URL/);
});

test('check: text and json, exit 1 only when there are errors', async () => {
  const clean = await run(['check', CONTENT, '--no-cache']);
  assert.equal(clean.code, 0);
  assert.match(clean.out, /10 files checked: 0 errors/);
  const dir = temp();
  mkdirSync(join(dir, 'c'));
  writeFileSync(join(dir, 'c', 'broken.md'), '---\nlayout: minimal-medicine\n---\n# Untitled\n');
  const text = await run(['check', join(dir, 'c'), '--no-cache']);
  assert.equal(text.code, 1);
  assert.match(text.out, /c\/broken\.md:1:1 {2}error {2}The frontmatter has no `title`.* \[title-missing\]/);
  const json = await run(['check', join(dir, 'c'), '--format', 'json', '--no-cache']);
  assert.equal(json.code, 1);
  const parsed = JSON.parse(json.out) as { counts: { error: number }; diagnostics: { code: string }[] };
  assert.equal(parsed.counts.error, 1);
  assert.equal(parsed.diagnostics[0]?.code, 'title-missing');
});

test('--help on every command', async () => {
  for (const args of [['--help'], ['build', '--help'], ['serve', '--help'], ['check', '--help']]) {
    const r = await run(args);
    assert.equal(r.code, 0, args.join(' '));
    assert.match(r.out, /Usage: formulary/);
  }
});

test('build --ads: configured slots appear; a malformed file is a clear error', async () => {
  const dir = temp();
  writeFileSync(join(dir, 'ads.json'), JSON.stringify({ 'composition:top': '<div class="ad">AD-TOP-MARKER</div>' }));
  const r = await run(['build', CONTENT, '--out', join(dir, 'dist'), '--no-cache', '--ads', join(dir, 'ads.json')]);
  assert.equal(r.code, 0, r.err);
  assert.match(readFileSync(join(dir, 'dist', 'composition', 'alemtuzumab', 'index.html'), 'utf8'), /AD-TOP-MARKER/);
  assert.doesNotMatch(readFileSync(join(dir, 'dist', 'medicines', 'crocin-650', 'index.html'), 'utf8'), /AD-TOP-MARKER/);
  // recorded for the server's search page
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'dist', 'site.json'), 'utf8')).adSlots, { 'composition:top': '<div class="ad">AD-TOP-MARKER</div>' });
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ sidebar: 1 }));
  const bad = await run(['build', CONTENT, '--out', join(dir, 'dist2'), '--no-cache', '--ads', join(dir, 'bad.json')]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /must map slot names/);
});

test('serve --cache-mb: shown in the help with its default; a bad size is a clear usage error', async () => {
  const help = await run(['serve', '--help']);
  assert.match(help.out.replace(/\s+/g, ' '), /--cache-mb <n> memory for the site's files, in MiB \(default: a sixteenth of this machine's, from 64 to 1024: \d+\)/);
  for (const bad of ['0', '1.5', 'lots']) {
    const r = await run(['serve', '--site', temp(), '--cache-mb', bad]);
    assert.equal(r.code, 2, bad);
    assert.match(r.err, /a cache size is a whole number of MiB from 1 to 65536/);
  }
});

test('serve: a port in use is a clear error, not a crash', async () => {
  const dir = temp();
  assert.equal((await run(['build', CONTENT, '--out', join(dir, 'dist'), '--no-cache'])).code, 0);
  const blocker = createServer();
  await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
  const port = (blocker.address() as AddressInfo).port;
  try {
    const r = await run(['serve', '--site', join(dir, 'dist'), '--port', String(port)]);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use; stop the other server or pass another --port`));
  } finally {
    blocker.close();
  }
});
