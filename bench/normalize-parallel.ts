/**
 * How much two cores give the build's heaviest phase: normalization of both real corpora in one
 * process, then in two processes at once (each every other file). Prints a table, writes JSON.
 * (Why the cold build cannot reach 1.2 ms/page on this machine: docs/DESIGN.md, "Build".)
 *
 *   npm run bench:normalize [-- --corpus ../shared/corpus]
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const { values } = parseArgs({ options: { corpus: { type: 'string', default: join(ROOT, '..', 'shared', 'corpus') } } });
const corpus = resolve(values.corpus);
const run = promisify(execFile);

interface Part {
  files: number;
  wallMs: number;
  cpuMs: number;
}

// Each part is a fresh process with the CLI's GC flags, normalizing every `parts`-th file from `part`.
const CHILD = `
import { setFlagsFromString } from 'node:v8';
const { V8_FLAGS } = await import(${JSON.stringify(join(ROOT, 'lib/cli/v8-flags.js'))});
setFlagsFromString(V8_FLAGS);
const { discover } = await import(${JSON.stringify(join(ROOT, 'lib/content/index.js'))});
const { normalizeOne } = await import(${JSON.stringify(join(ROOT, 'lib/build/normalize-one.js'))});
const [corpus, part, parts] = JSON.parse(process.argv[1]);
const files = ['rxhive-astro', 'rxhive-jekyll'].flatMap((d) => discover(corpus + '/' + d)).filter((_, i) => i % parts === part);
const c0 = process.cpuUsage();
const t0 = performance.now();
for (const f of files) normalizeOne(f);
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ files: files.length, wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 }));
`;

async function part(index: number, parts: number): Promise<Part> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', CHILD, JSON.stringify([corpus, index, parts])], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Part;
}

await run('npx', ['tsc', '-p', join(ROOT, 'tsconfig.json')]);
const one = await part(0, 1);
const two = await Promise.all([part(0, 2), part(1, 2)]);
const twoWall = Math.max(...two.map((p) => p.wallMs));
const speedup = one.wallMs / twoWall;

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
console.log(`\nNormalization of both real corpora (${one.files} files)\n`);
console.log('| run | files | wall | CPU |');
console.log('| --- | --- | --- | --- |');
console.log(`| one process | ${one.files} | ${s(one.wallMs)} | ${s(one.cpuMs)} |`);
two.forEach((p, i) => console.log(`| two processes at once, part ${i + 1} | ${p.files} | ${s(p.wallMs)} | ${s(p.cpuMs)} |`));
console.log(`\nTwo cores give ${speedup.toFixed(2)}× (one process's wall time over the slower part's).`);

mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/normalize-parallel.json'), JSON.stringify({ date: new Date().toISOString(), corpus, one, two, speedup }, null, 1));
console.log('wrote bench/results/normalize-parallel.json');
