#!/usr/bin/env node
// The CLI entry. Runs the compiled code in lib/ (built by `npm ci` through the `prepare` script).
import { setFlagsFromString } from 'node:v8';

// GC flags (why: src/cli/v8-flags.ts). They must be set before the heap grows, so this is the
// first thing the CLI does; the module holding them imports nothing.
const { V8_FLAGS } = await import('../lib/cli/v8-flags.js');
setFlagsFromString(V8_FLAGS);

// `formulary check … | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const { main } = await import('../lib/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
