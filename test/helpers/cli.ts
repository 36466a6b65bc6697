import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** Run the CLI in-process with captured output (and `stdin` as standard input; `env` as the environment). */
export async function runCli(args: string[], stdin = '', env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (d: Buffer) => (o += d.toString()));
  err.on('data', (d: Buffer) => (e += d.toString()));
  const code = await main(args, { out: out as unknown as NodeJS.WriteStream, err: err as unknown as NodeJS.WriteStream, in: Readable.from([stdin]), env });
  return { code, out: o, err: e };
}
