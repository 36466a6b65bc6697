import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { NAMES_FILE, openSiteSearch, type SearchResponse } from '../search/engine/index.js';

export interface SearchCommandOptions {
  site: string;
  limit: number;
  json: boolean;
}

/**
 * `formulary search`: the words of the command line are one query; `-` reads one query per line
 * from `stdin` instead. With `--json`, one line per query: `{"query", "results": [{slug, kind,
 * title, url, score, matched, …}], …}` (a contract other tools rely on). Resolves with the exit code.
 */
export async function searchCommand(words: string[], o: SearchCommandOptions, io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream; in: Readable }): Promise<number> {
  if (!existsSync(o.site)) {
    io.err.write(`"${o.site}" is not a built site. Run \`formulary build <content-dir> --out ${o.site}\` first, or pass --site.\n`);
    return 2;
  }
  const search = openSiteSearch(o.site);
  try {
    const problems = search.problems();
    if (problems.some((p) => p.startsWith(NAMES_FILE))) {
      io.err.write(`${problems.join('\n')}\n`);
      return 2;
    }
    for (const p of problems) io.err.write(`note: ${p}\n`);
    const answer = (q: string): void => {
      const r = search.search(q, { limit: o.limit });
      io.out.write(o.json ? JSON.stringify(r) + '\n' : formatText(r));
    };
    if (words.length === 1 && words[0] === '-') {
      const lines = createInterface({ input: io.in, crlfDelay: Infinity });
      for await (const line of lines) if (line.trim() !== '') answer(line);
    } else {
      answer(words.join(' '));
    }
    return 0;
  } finally {
    search.close();
  }
}

function formatText(r: SearchResponse): string {
  const lines = [`${JSON.stringify(r.query)}: ${r.results.length === 0 ? 'no results' : `${r.total} found`}`];
  if (r.didYouMean !== null) lines.push(`  Did you mean ${r.didYouMean}?`);
  r.results.forEach((h, i) => {
    const why = h.how === 'text' ? `text (${h.matched})` : h.how === 'exact' && h.matched === h.title ? 'name' : `${h.how}: ${h.matched}`;
    lines.push(`  ${String(i + 1).padStart(2)}. ${h.title} [${h.kind}${h.banned ? ', banned' : ''}] ${h.url}  — ${why}`);
  });
  return lines.join('\n') + '\n';
}
