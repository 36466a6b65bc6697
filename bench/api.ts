/**
 * API benchmark (issue 7): requests/s and p99 latency on loopback, with autocannon, for
 * get-by-slug, the filtered list, search and FHIR against `formulary serve`'s app, and nginx
 * serving the same static JSON files in the same run as the upper bound; then a soak at
 * saturation (mixed routes) checking for errors and for memory that keeps growing.
 * Prints a table and writes bench/results/api.json.
 *
 *   npm run bench:api                                  # both real corpora (../shared/corpus), 10 s per route, 60 s soak
 *   npm run bench:api -- --content content --duration 2 --soak 2    # a quick check on the sample
 *   npm run bench:api -- --site dist                   # an already built site (with its api/ files)
 *   npm run bench:api -- --install-nginx               # apt-get install -y nginx first when it is missing
 *
 * The server runs in a child process (so the load generator does not share its thread); memory is
 * sampled from it every second. Targets (issue 7): get-by-slug ≥ 50 % of nginx, search ≥ 2,000
 * req/s, soak with 0 errors and flat memory. Search is measured twice: over the judged queries in
 * rotation (repeated queries, as readers repeat them: answered from the response cache after the
 * first round) and over more distinct titles than the cache holds (every answer computed).
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { fhirId, type ApiIndexPage } from '../src/api/index.js';
import { SEARCH_CACHE_ENTRIES } from '../src/search/engine/index.js';
import { V8_FLAGS } from '../src/cli/v8-flags.js';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const { values } = parseArgs({
  options: {
    content: { type: 'string', multiple: true },
    site: { type: 'string' },
    duration: { type: 'string', default: '10' },
    soak: { type: 'string', default: '60' },
    connections: { type: 'string', default: '32' },
    'install-nginx': { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'bench', 'results', 'api.json') },
  },
});
const duration = positive(values.duration, '--duration');
const soakSeconds = positive(values.soak, '--soak');
const connections = positive(values.connections, '--connections');
const warmup = Math.max(2, Math.ceil(duration / 4));

function positive(v: string | undefined, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, got ${JSON.stringify(v)}`);
  return n;
}

const work = mkdtempSync(join(tmpdir(), 'formulary-bench-api-'));
chmodSync(work, 0o755); // nginx's worker may run as another user
const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

// 1. The site: given, or built now (content folders, default the real corpora) with the API files.
const siteDir = values.site !== undefined ? resolve(values.site) : buildSite();
// A site just written is still being flushed to disk for a minute or more; that writeback slowed
// every server here, nginx included, by up to half. Flush it before measuring.
execFileSync('sync');
if (!existsSync(join(siteDir, 'api/v1/index.json'))) throw new Error(`${siteDir} has no api/v1/index.json: build it with the API files first`);
const items = readIndex(siteDir);
const ids = items.map((i) => i.id);
console.log(`site: ${siteDir} (${ids.length} entries)`);

/**
 * Build the site in a child process (`formulary build`): built in this process, the catalog's
 * heap stayed with the load generator and its collections halved every figure, nginx's included
 * (measured: nginx 1,031 req/s after an in-process build against 6,815 on the same files from a
 * fresh process).
 */
function buildSite(): string {
  const dirs = values.content ?? [join(CORPUS, 'rxhive-astro'), join(CORPUS, 'rxhive-jekyll')];
  for (const d of dirs) if (!existsSync(d)) throw new Error(`no content folder ${d}: pass --content or --site`);
  const out = join(work, 'site');
  execFileSync('npx', ['tsc', '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit' }); // lib/ as the sources are
  const t0 = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'bin', 'formulary.js'), 'build', ...dirs.map((d) => resolve(d)), '--out', out, '--cache-dir', join(ROOT, 'bench/.cache/formulary'), '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(`built ${dirs.join(', ')} in ${Math.round(performance.now() - t0)} ms`);
  return out;
}

function readIndex(site: string): ApiIndexPage['items'] {
  const out: ApiIndexPage['items'] = [];
  let next: string | null = '/api/v1/index.json';
  while (next !== null) {
    const page = JSON.parse(readFileSync(join(site, next), 'utf8')) as ApiIndexPage;
    out.push(...page.items);
    next = page.next;
  }
  return out;
}

// 2. Servers: ours in a child process, nginx (if installed) on the same files.
const server = await startApp(siteDir);
const nginx = await startNginx(siteDir);

async function startApp(site: string): Promise<{ url: string; child: ChildProcess; memory(): Promise<{ rss: number; heapUsed: number }> }> {
  const child = fork(join(ROOT, 'bench', 'api-server.ts'), [site], { execArgv: ['--import', 'tsx', '--expose-gc', ...V8_FLAGS.split(' ')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const url = await new Promise<string>((ok, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`the server exited (${code}) before listening`)));
    child.on('message', (m: { type: string; url?: string }) => m.type === 'listening' && ok(m.url!));
  });
  const ask = <T>(type: string): Promise<T> =>
    new Promise((ok) => {
      const on = (m: { type: string }): void => {
        if (m.type !== type) return;
        child.off('message', on);
        ok(m as T);
      };
      child.on('message', on);
      child.send({ type });
    });
  return { url, child, memory: () => ask('memory') };
}

async function startNginx(site: string): Promise<{ url: string; child: ChildProcess } | null> {
  let bin = which('nginx') ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : null);
  if (bin === null && values['install-nginx']) {
    console.log('installing nginx (apt-get update; apt-get install -y nginx)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'nginx'], { stdio: 'inherit', env });
    bin = which('nginx') ?? '/usr/sbin/nginx';
  }
  if (bin === null || !existsSync(bin)) {
    console.log('nginx is not installed: no upper bound this run (pass --install-nginx to install the Debian package)');
    return null;
  }
  const port = await freePort();
  const prefix = join(work, 'nginx');
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const conf = join(prefix, 'nginx.conf');
  // One worker (the app is one thread too), no logs, no compression: static JSON as fast as nginx serves it.
  writeFileSync(
    conf,
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
daemon off;
master_process off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fastcgi; uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  types { application/json json; application/gzip gz; }
  server { listen 127.0.0.1:${port}; root ${site}; etag on; }
}
`,
  );
  const child = spawn(bin, ['-p', prefix, '-c', conf], { stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/api/v1/index.json`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not start (see ${prefix}/logs/error.log)`);
}

function which(cmd: string): string | null {
  try {
    return execFileSync('which', [cmd], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a !== null && typeof a === 'object' ? ok(a.port) : fail(new Error('no port'))));
    });
  });
}

// 3. Scenarios: each rotates over many paths, so caches see the whole catalog.
const searchQueries = loadQueries();
function loadQueries(): string[] {
  const file = join(ROOT, 'bench', 'search', 'queries.json');
  if (!existsSync(file)) return items.slice(0, 200).map((i) => i.title);
  const qs = (JSON.parse(readFileSync(file, 'utf8')) as { queries: { q: string }[] }).queries.map((q) => q.q);
  return qs.length > 0 ? qs : items.slice(0, 200).map((i) => i.title);
}
function uncachedPaths(): string[] {
  const titles = [...new Set(items.map((i) => i.title))];
  if (titles.length <= SEARCH_CACHE_ENTRIES) console.log(`note: only ${titles.length} distinct titles (cache: ${SEARCH_CACHE_ENTRIES}): the "uncached" search scenario is mostly cache hits on this site`);
  return titles.map((t) => `/api/v1/search?q=${encodeURIComponent(t)}&limit=10`);
}
const letters = [...'abcdefghijklmnopqrstuvwxyz'];
const listPaths = [
  '/api/v1/drugs',
  '/api/v1/drugs?kind=composition&limit=50',
  '/api/v1/drugs?kind=medicine',
  '/api/v1/drugs?banned=true',
  ...letters.map((l) => `/api/v1/drugs?letter=${l}&limit=20`),
  ...[...new Set(items.map((i) => i.classLabel).filter((c): c is string => c !== null))].slice(0, 20).map((c) => `/api/v1/drugs?class=${encodeURIComponent(c)}`),
];
const SCENARIOS: { name: string; target: 'app' | 'nginx'; paths: string[] }[] = [
  { name: 'get-by-slug', target: 'app', paths: ids.map((id) => `/api/v1/drugs/${id}.json`) },
  { name: 'get-by-slug (nginx, same files)', target: 'nginx', paths: ids.map((id) => `/api/v1/drugs/${id}.json`) },
  { name: 'list (filters)', target: 'app', paths: listPaths },
  { name: 'search', target: 'app', paths: searchQueries.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}&limit=10`) },
  // Every query new to the response cache: more distinct titles in rotation than the cache holds
  // (SEARCH_CACHE_ENTRIES), so each is evicted before it comes round again (on the real corpora).
  { name: 'search (uncached: distinct titles)', target: 'app', paths: uncachedPaths() },
  { name: 'FHIR MedicationKnowledge', target: 'app', paths: ids.map((id) => `/fhir/MedicationKnowledge/${fhirId(id)}`) },
  { name: 'index page (nginx)', target: 'nginx', paths: ['/api/v1/index.json'] },
  { name: 'index page', target: 'app', paths: ['/api/v1/index.json'] },
];

interface Measured {
  name: string;
  target: string;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
}

async function load(url: string, paths: string[], seconds: number): Promise<autocannon.Result> {
  let k = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          req.path = paths[k++ % paths.length]!;
          return req;
        },
      },
    ],
  });
}

const results: Measured[] = [];
for (const s of SCENARIOS) {
  const url = s.target === 'app' ? server.url : nginx?.url;
  if (url === undefined) continue;
  await load(url, s.paths, warmup); // warm-up: caches, JIT (the first seconds of a fresh process are several times slower)
  const r = await load(url, s.paths, duration);
  const m: Measured = {
    name: s.name,
    target: s.target,
    requestsPerSec: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
  results.push(m);
  console.log(`${m.name.padEnd(34)} ${String(m.requestsPerSec).padStart(8)} req/s   p99 ${String(m.p99Ms).padStart(5)} ms   errors ${m.errors}   non-2xx ${m.non2xx}`);
}

// 4. Soak: every app route mixed, at saturation, memory sampled each second.
const mixed = SCENARIOS.filter((s) => s.target === 'app').flatMap((s) => s.paths.slice(0, 500));
// One pass over the mix first, so the server's bounded caches (files, search answers) hold what
// the soak asks for: growth during the soak is then a leak, not a cache filling up.
await load(server.url, mixed, warmup);
const samples: { t: number; rss: number; heapUsed: number }[] = [];
const t0 = performance.now();
const sampler = setInterval(() => {
  void server.memory().then((m) => samples.push({ t: Math.round((performance.now() - t0) / 1000), rss: m.rss, heapUsed: m.heapUsed }));
}, 1000);
const soak = await load(server.url, mixed, soakSeconds);
clearInterval(sampler);
const mb = (b: number): number => Math.round((b / 1048576) * 10) / 10;
// Flat: the mean of the last fifth of the samples against the mean of the second fifth (the first is warm-up).
const fifth = Math.max(1, Math.floor(samples.length / 5));
const mean = (xs: { rss: number }[]): number => xs.reduce((a, x) => a + x.rss, 0) / Math.max(1, xs.length);
const early = mean(samples.slice(fifth, 2 * fifth));
const late = mean(samples.slice(-fifth));
const growth = early > 0 ? (late - early) / early : 0;
const soakResult = {
  seconds: soakSeconds,
  requestsPerSec: Math.round(soak.requests.average),
  p99Ms: soak.latency.p99,
  requests: soak.requests.total,
  errors: soak.errors,
  non2xx: soak.non2xx,
  timeouts: soak.timeouts,
  rssMb: { first: mb(samples[0]?.rss ?? 0), early: mb(early), late: mb(late), max: mb(Math.max(0, ...samples.map((s) => s.rss))) },
  rssGrowth: Math.round(growth * 1000) / 1000,
  heapUsedMb: samples.map((s) => mb(s.heapUsed)),
};
const flat = Math.abs(growth) < 0.1;
console.log(
  `soak ${soakSeconds} s (mixed)              ${String(soakResult.requestsPerSec).padStart(8)} req/s   p99 ${String(soakResult.p99Ms).padStart(5)} ms   errors ${soak.errors}   non-2xx ${soak.non2xx}   RSS ${soakResult.rssMb.early} → ${soakResult.rssMb.late} MB (${(growth * 100).toFixed(1)} %)`,
);

// 5. Against the targets of issue 7.
const bySlug = results.find((r) => r.name === 'get-by-slug');
const nginxSlug = results.find((r) => r.name.startsWith('get-by-slug (nginx'));
const searchRate = results.find((r) => r.name === 'search')?.requestsPerSec ?? 0;
const targets = {
  getBySlugVsNginx: bySlug && nginxSlug ? Math.round((bySlug.requestsPerSec / nginxSlug.requestsPerSec) * 1000) / 1000 : null,
  getBySlugAtLeastHalfOfNginx: bySlug && nginxSlug ? bySlug.requestsPerSec >= 0.5 * nginxSlug.requestsPerSec : null,
  searchAtLeast2000: searchRate >= 2000,
  /** The same route when no answer comes from the response cache (not a target; the engine's own cost). */
  searchUncachedRequestsPerSec: results.find((r) => r.name.startsWith('search (uncached'))?.requestsPerSec ?? null,
  soakNoErrors: soak.errors === 0 && soak.non2xx === 0,
  soakFlatMemory: flat,
};

console.log('\n| route | target | req/s | p50 ms | p99 ms | errors | non-2xx |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) console.log(`| ${r.name} | ${r.target} | ${r.requestsPerSec} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors} | ${r.non2xx} |`);
console.log(`| soak ${soakSeconds} s, mixed | app | ${soakResult.requestsPerSec} | | ${soakResult.p99Ms} | ${soak.errors} | ${soak.non2xx} |`);
console.log('\ntargets:', JSON.stringify(targets));

mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(
  values.out!,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      site: siteDir,
      entries: ids.length,
      connections,
      durationSeconds: duration,
      nginx: nginx !== null,
      results,
      soak: soakResult,
      targets,
    },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${values.out}`);

// Stop both servers and wait for them (no process is left behind).
const exited = (c: ChildProcess): Promise<unknown> => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', r)));
server.child.send({ type: 'stop' });
await exited(server.child);
if (nginx !== null) {
  nginx.child.kill('SIGTERM');
  await exited(nginx.child);
}
process.exit(0);
