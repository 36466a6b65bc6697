/**
 * How fast hostile input is refused (npm run bench:limits): YAML alias bombs (6 and 10 levels deep;
 * 9^10 leaves if expanded) and a file over the size limit. Prints a table, writes JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { DEFAULT_LIMITS } from '../src/content/index.js';
import { normalizeFile } from '../src/normalize/index.js';

function bomb(levels: number): Buffer {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < levels; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill('*' + prev).join(',')}]`);
  }
  return Buffer.from(`---\n${lines.join('\n')}\ntitle: Bomb\n---\n# Bomb\n`);
}

const big = Buffer.alloc(DEFAULT_LIMITS.maxFileBytes + 1, 'a');
big.write('---\ntitle: Big\n---\n');
const cases: [string, Buffer][] = [
  ['alias bomb, 7 levels', bomb(7)],
  ['alias bomb, 10 levels', bomb(10)],
  ['file over the size limit', big],
];
normalizeFile({ file: 'warm.md', bytes: Buffer.from('---\ntitle: Warm\n---\n## Usage\n\nText.\n'), kindHint: null });
const rows = cases.map(([name, bytes]) => {
  const times: number[] = [];
  let code = '';
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const r = normalizeFile({ file: 'x.md', bytes, kindHint: null });
    times.push(performance.now() - t0);
    code = r.diagnostics[0]?.code ?? '(accepted!)';
  }
  times.sort((a, b) => a - b);
  return { name, code, medianMs: times[10]!, maxMs: times[times.length - 1]! };
});
console.log('| input | refused with | median ms | max ms |\n| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.name} | ${r.code} | ${r.medianMs.toFixed(2)} | ${r.maxMs.toFixed(2)} |`);
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('limits.json', dir), JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
