#!/usr/bin/env node
// The CLI entry. Runs the compiled code in lib/ (built by `npm ci` through the `prepare` script).
import { setFlagsFromString } from 'node:v8';

// Young-generation GC on one thread: V8's parallel scavenger sends helper threads onto the same
// two cores the build's worker threads are using. Measured on the real corpora (docs/DESIGN.md,
// "Build"): normalization 12.2 s → 10.6 s on one thread, 10.0 s → 8.7 s on two. It must be set
// before the heap grows, so it is the first thing the CLI does.
setFlagsFromString('--no-parallel-scavenge');

// `formulary check … | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const { main } = await import('../lib/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
