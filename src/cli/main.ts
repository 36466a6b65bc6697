import { Command, CommanderError, InvalidArgumentError } from 'commander';
import chokidar from 'chokidar';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { build, rebuild, type BuildOptions, type BuildReport, type BuildState } from '../build/index.js';
import { DEFAULT_STALE_AFTER_DAYS } from '../check/index.js';
import { createApp, defaultCacheBytes, startServer } from '../server/index.js';
import { renderComparePage, renderDosePage, renderInteractionsPage, renderSearchPage } from '../site/index.js';
import { checkCommand, type CheckFormat } from './check.js';
import { createProgress } from './progress.js';
import { searchCommand } from './search.js';

interface Io {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
  in?: Readable;
  /** The environment (default `process.env`): `build` reads `SOURCE_DATE_EPOCH`. */
  env?: NodeJS.ProcessEnv;
}

const port = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  return n;
};

const perMinute = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new InvalidArgumentError('a rate limit is a whole number of requests per minute from 0 (no limit) to 1,000,000.');
  return n;
};

const mebibytes = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65_536) throw new InvalidArgumentError('a cache size is a whole number of MiB from 1 to 65536.');
  return n;
};

const siteUrl = (v: string): string => {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new InvalidArgumentError('give an absolute URL such as https://example.org');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new InvalidArgumentError('the site URL must be http or https.');
  return v;
};

const collect = (v: string, prev: string[]): string[] => [...prev, v];

function checkDirs(dirs: string[]): string | null {
  for (const d of dirs) {
    if (!existsSync(d) || !statSync(d).isDirectory()) return `The content folder "${d}" does not exist or is not a folder. Give the folder that holds the monographs (.md files).`;
  }
  return null;
}

/**
 * A reproducible build's clock: `SOURCE_DATE_EPOCH`, whole seconds since 1970 as the
 * reproducible-builds convention defines it (https://reproducible-builds.org/specs/source-date-epoch/);
 * undefined when unset, a message when malformed (the spec says to stop rather than guess).
 */
function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | string | undefined {
  const v = env['SOURCE_DATE_EPOCH'];
  if (v === undefined || v === '') return undefined;
  const seconds = /^\d{1,12}$/.test(v) ? Number(v) : NaN;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return `SOURCE_DATE_EPOCH is "${v}", which is not a time: give whole seconds since 1970-01-01 (e.g. $(git log -1 --format=%ct)), or unset it.`;
  return date;
}

function summary(r: BuildReport, out: string): string {
  const s = r.diagnostics.bySeverity;
  const fid = r.fidelity;
  return (
    `Built ${r.pages} files: ${r.counts.composition} compositions, ${r.counts.combination} combinations, ${r.counts.medicine} medicines ` +
    `from ${r.files.total} source files (${r.files.failed} unusable, ${r.files.fromCache} from cache) in ${(r.wallMs / 1000).toFixed(2)} s. ` +
    (r.brands.records > 0 ? `Brands imported: ${r.brands.records}, ${r.brands.linked} linked to a generic or combination page. ` : '') +
    `Diagnostics: ${s['error'] ?? 0} errors, ${s['warning'] ?? 0} warnings, ${s['info'] ?? 0} notes. ` +
    `Lines accounted for: ${fid.accountedLines}/${fid.nonBlankLines}. Report: ${resolve(out, 'build-report.json')}`
  );
}

/** Run the CLI with `argv` (without node and script); resolves with the exit code. */
export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr, in: process.stdin }): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('formulary')
    .description('Turn folders of medicine monographs (markdown + YAML frontmatter) into a medicine-reference website.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .showHelpAfterError();

  program
    .command('build')
    .description('Build the static site from one or more content folders (Astro, Jekyll or plain layout).')
    .argument('<content-dir...>', 'content folders; merged into one catalog')
    .option('--out <dir>', 'output folder (replaced atomically)', 'dist')
    .option('--site-url <url>', 'public URL of the site, for canonical links and the sitemap', siteUrl)
    .option('--brands <file>', 'brand catalog CSV (repeatable)', collect, [] as string[])
    .option('--ads <file>', 'JSON file of ad slots: {"top": "<html>", "composition:bottom": "<html>", …} (empty by default)')
    .option('--cache-dir <dir>', 'where the SQLite cache lives', '.formulary')
    .option('--no-cache', 'read and parse every file again')
    .option('--public', 'leave out the /quality/ report page (editors only)')
    .option('--regimens', 'experimental: publish the dose regimens read from the text in the JSON API (and POST /api/dose); see docs/DESIGN.md for their measured accuracy')
    .option('--quality-source-url <template>', 'link each /quality/ finding to its source line: a URL with {file} and {line}')
    .option('--quiet', 'print only the summary line')
    .action(async (dirs: string[], o: { out: string; siteUrl?: string; brands: string[]; ads?: string; cacheDir: string; cache: boolean; public?: boolean; regimens?: boolean; qualitySourceUrl?: string; quiet?: boolean }) => {
      const bad = checkDirs(dirs);
      if (bad) {
        io.err.write(bad + '\n');
        code = 2;
        return;
      }
      const missing = o.brands.find((f) => !existsSync(f));
      if (missing !== undefined) {
        io.err.write(`The brand catalog "${missing}" (--brands) does not exist; check the path.\n`);
        code = 2;
        return;
      }
      const ads = o.ads === undefined ? {} : readAds(o.ads);
      if (typeof ads === 'string') {
        io.err.write(ads + '\n');
        code = 2;
        return;
      }
      const clock = sourceDateEpoch(io.env ?? process.env);
      if (typeof clock === 'string') {
        io.err.write(clock + '\n');
        code = 2;
        return;
      }
      const progress = createProgress(io.err, o.quiet === true);
      const opts: BuildOptions = {
        contentDirs: dirs,
        outDir: o.out,
        siteUrl: o.siteUrl ?? null,
        adSlots: ads,
        cacheDir: o.cache ? o.cacheDir : null,
        brandFiles: o.brands,
        public: o.public === true,
        regimens: o.regimens === true,
        ...(o.qualitySourceUrl !== undefined ? { qualitySourceUrl: o.qualitySourceUrl } : {}),
        ...(clock !== undefined ? { builtAt: clock } : {}),
        onProgress: (p, d, t) => progress.update(p, d, t),
      };
      try {
        const { report, oldSiteRemoved } = await build(opts);
        progress.stop();
        io.out.write(summary(report, o.out) + '\n');
        const left = await oldSiteRemoved;
        if (left !== null) io.err.write(`The previous site could not be removed entirely (${left.message}); delete the "${o.out}.old-*" folder by hand.\n`);
      } catch (e) {
        progress.stop();
        io.err.write(`The build failed and the previous site in "${o.out}" was left as it was: ${(e as Error).message}\nCheck that the output folder's parent exists and is writable.\n`);
        code = 1;
      }
    });

  program
    .command('serve')
    .description('Serve a built site; with content folders, build first; with --watch, rebuild what changed.')
    .argument('[content-dir...]', 'content folders to build before serving')
    .option('--site <dir>', 'the built site folder', 'dist')
    .option('--port <n>', 'port to listen on', port, 3000)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--site-url <url>', 'public URL of the site', siteUrl)
    .option('--cache-dir <dir>', 'where the SQLite cache lives', '.formulary')
    .option('--brands <file>', 'brand catalog CSV to import when building (repeatable; watched with --watch)', collect, [] as string[])
    .option('--public', 'when building: leave out the /quality/ report page')
    .option('--regimens', 'when building: publish the dose regimens read from the text (experimental, as for build)')
    .option('--rate-limit <n>', 'API requests per minute per client (0: no limit)', perMinute, 600)
    .option('--trust-proxy', 'take the client address from X-Forwarded-For (behind a reverse proxy)')
    .option('--cache-mb <n>', `memory for the site's files, in MiB (default: a sixteenth of this machine's, from 64 to 1024: ${defaultCacheBytes() / 1024 / 1024})`, mebibytes)
    .option('--watch', 'rebuild changed files and serve the result on the next page load')
    .action(async (dirs: string[], o: { site: string; port: number; host: string; siteUrl?: string; cacheDir: string; brands: string[]; public?: boolean; regimens?: boolean; rateLimit: number; trustProxy?: boolean; cacheMb?: number; watch?: boolean }) => {
      const bad = checkDirs(dirs);
      if (bad) {
        io.err.write(bad + '\n');
        code = 2;
        return;
      }
      const opts: BuildOptions = { contentDirs: dirs, outDir: o.site, siteUrl: o.siteUrl ?? null, cacheDir: o.cacheDir, brandFiles: o.brands, public: o.public === true, regimens: o.regimens === true };
      let state: BuildState | null = null;
      if (dirs.length > 0) {
        const r = await build(opts);
        state = r.state;
        io.out.write(summary(r.report, o.site) + '\n');
      }
      if (!existsSync(resolve(o.site, 'index.html'))) {
        io.err.write(`"${o.site}" holds no built site (no index.html). Run \`formulary build <content-dir> --out ${o.site}\` first, or pass content folders to serve.\n`);
        code = 2;
        return;
      }
      const options = readSiteOptions(o.site);
      const app = createApp({
        siteDir: resolve(o.site),
        renderSearch: (response) => renderSearchPage(response, options),
        renderTools: {
          interactions: (data) => renderInteractionsPage(data, options),
          compare: (data) => renderComparePage(data, options),
          dose: (data) => renderDosePage(data, options),
        },
        api: { rateLimit: o.rateLimit === 0 ? false : { windowMs: 60_000, limit: o.rateLimit }, trustProxy: o.trustProxy === true },
        ...(o.cacheMb === undefined ? {} : { cacheBytes: o.cacheMb * 1024 * 1024 }),
        onRequestLog: (line) => io.err.write(line + '\n'),
      });
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer(app, o.port, o.host);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        io.err.write(
          err.code === 'EADDRINUSE'
            ? `Port ${o.port} on ${o.host} is already in use; stop the other server or pass another --port.\n`
            : `The server could not start on ${o.host}:${o.port}: ${err.message}\n`,
        );
        code = 1;
        return;
      }
      io.out.write(`Serving ${resolve(o.site)} at ${server.url}\n`);
      if (o.watch && dirs.length > 0 && state) {
        let current: BuildState = state;
        const pending = new Set<string>();
        let timer: NodeJS.Timeout | null = null;
        let running = false;
        const flush = async (): Promise<void> => {
          timer = null;
          if (running) {
            timer = setTimeout(() => void flush(), 30);
            return;
          }
          running = true;
          const changed = new Set(pending);
          pending.clear();
          const t = performance.now();
          try {
            const r = await rebuild(opts, current, changed);
            current = r.state;
            io.out.write(`Rebuilt ${r.written.length} page(s) (${r.removed.length} removed) after ${changed.size} change(s) in ${Math.round(performance.now() - t)} ms.\n`);
            void r.state.fulltext?.then((done) => {
              if (done instanceof Error) io.err.write(`The full-text search index could not be rewritten; search shows the previous text: ${done.message}\n`);
            });
            void r.state.apiIndex?.then((done) => {
              if (done instanceof Error) io.err.write(`The API list pages could not be rewritten; /api/v1/index.json shows the previous list: ${done.message}\n`);
            });
          } catch (e) {
            io.err.write(`Rebuild failed; the site still shows the last good build: ${(e as Error).message}\n`);
          } finally {
            running = false;
          }
        };
        const watcher = chokidar.watch([...dirs, ...o.brands].map((d) => resolve(d)), { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
        watcher.on('all', (_event, path) => {
          pending.add(resolve(path));
          if (!timer) timer = setTimeout(() => void flush(), 30);
        });
        io.out.write(`Watching ${dirs.join(', ')} for changes.\n`);
      }
      await new Promise<void>((done) => {
        const stop = (): void => {
          void server.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  program
    .command('check')
    .description('Check the content for broken, inconsistent or suspicious pages; exit 1 when there are errors.')
    .argument('<content-dir...>', 'content folders')
    .option('--cache-dir <dir>', 'accepted for compatibility; check reads every file (its rules need the text)', '.formulary')
    .option('--no-cache', 'accepted for compatibility; check always reads every file')
    .option('--format <format>', 'text, json or sarif (SARIF 2.1.0, for code-scanning tools)', (v: string) => {
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new InvalidArgumentError('use text, json or sarif.');
      return v;
    }, 'text')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('give a whole number, 0 or more.');
      return n;
    })
    .option('--fix', 'apply the safe fixes (damaged frontmatter FAQs and descriptions, heading markup); never changes medical content')
    .option('--dry-run', 'with --fix: print the unified diff of the fixes instead of writing them')
    .option('--stale-after <days>', 'days after which lastModified is stale', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('give a whole number of days, 1 or more.');
      return n;
    }, DEFAULT_STALE_AFTER_DAYS)
    .option('--today <date>', 'the date --stale-after counts from, e.g. 2026-01-01 (default: today)', (v: string) => {
      const t = Date.parse(v);
      if (Number.isNaN(t)) throw new InvalidArgumentError('give a date such as 2026-01-01.');
      return new Date(t);
    })
    .action(async (dirs: string[], o: { format: CheckFormat; maxWarnings?: number; fix?: boolean; dryRun?: boolean; staleAfter: number; today?: Date }) => {
      code = await checkCommand(
        dirs,
        {
          format: o.format,
          fix: o.fix === true,
          dryRun: o.dryRun === true,
          staleAfterDays: o.staleAfter,
          ...(o.maxWarnings !== undefined ? { maxWarnings: o.maxWarnings } : {}),
          ...(o.today !== undefined ? { now: o.today } : {}),
        },
        io,
      );
    });

  program
    .command('search')
    .description('Search a built site by name or text; prints the best pages for each query.')
    .argument('<query...>', 'the words of one query, or - to read one query per line from standard input')
    .option('--site <dir>', 'the built site folder', 'dist')
    .option('--limit <n>', 'results per query (1–100)', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('give a whole number from 1 to 100.');
      return n;
    }, 10)
    .option('--json', 'one JSON line per query: {"query", "results": [{slug, kind, title, url, score, matched}]}')
    .action(async (words: string[], o: { site: string; limit: number; json?: boolean }) => {
      code = await searchCommand(words, { site: o.site, limit: o.limit, json: o.json === true }, { out: io.out, err: io.err, in: io.in ?? process.stdin });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  return code;
}

const AdSlotsSchema = z.record(z.string().regex(/^([a-z-]+:)?(top|bottom)$/), z.string().max(20_000));

/** Ad slots from a JSON file, or a message saying what is wrong with it. */
function readAds(file: string): Record<string, string> | string {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return `The ad slots file "${file}" could not be read as JSON: ${(e as Error).message}`;
  }
  const parsed = AdSlotsSchema.safeParse(data);
  if (!parsed.success) {
    return `The ad slots file "${file}" must map slot names ("top", "bottom", or "<page kind>:top|bottom" such as "composition:top") to HTML strings: ${parsed.error.issues[0]?.message ?? 'invalid'}.`;
  }
  return parsed.data;
}

/** The options the site was built with (site.json), so the server-rendered search page matches the static pages. */
function readSiteOptions(site: string): { siteUrl: string | null; siteName: string; adSlots: Record<string, string>; builtAt: string } {
  try {
    const j = JSON.parse(readFileSync(resolve(site, 'site.json'), 'utf8')) as { siteUrl?: string | null; siteName?: string; builtAt?: string; adSlots?: unknown };
    const ads = AdSlotsSchema.safeParse(j.adSlots ?? {});
    return { siteUrl: j.siteUrl ?? null, siteName: j.siteName ?? 'Formulary', adSlots: ads.success ? ads.data : {}, builtAt: j.builtAt ?? new Date().toISOString() };
  } catch {
    return { siteUrl: null, siteName: 'Formulary', adSlots: {}, builtAt: new Date().toISOString() };
  }
}
