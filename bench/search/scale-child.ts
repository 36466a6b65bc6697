/**
 * One engine at scale, in its own process (started by scale.ts): reads the cached corpus, builds,
 * runs the queries and prints one JSON line: build time, index size, latency, peak RSS.
 */
import { readFileSync } from 'node:fs';
import { readCorpus } from './documents.js';
import { createEngine, isEngineName } from './engines/index.js';
import { build, latencyOf, run } from './measure.js';

const args = JSON.parse(process.argv[2] ?? '{}') as { engine: string; corpusFile: string; contentDirs: string[]; cacheDir: string; queriesFile: string; repeat: number };
if (!isEngineName(args.engine)) throw new Error(`scale-child: unknown engine "${args.engine}"`);
const corpus = await readCorpus(args.corpusFile);
// Ours writes only its search files: a whole 250k-page site takes longer to build than a run here allows.
const engine = await createEngine(args.engine, { contentDirs: args.contentDirs, entries: corpus.entries, cacheDir: args.cacheDir, source: 'docs' });
const built = await build(engine, corpus.docs);
console.error(`built in ${(built.buildMs / 1000).toFixed(0)} s`);
const queries = JSON.parse(readFileSync(args.queriesFile, 'utf8')) as string[];
const { times } = await run(engine, queries, 10, args.repeat);
await engine.close?.();
console.log(JSON.stringify({ name: engine.name, ...built, ...latencyOf(times.flat()), maxRssMb: process.resourceUsage().maxRSS / 1024 }));
