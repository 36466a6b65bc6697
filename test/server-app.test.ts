import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { rename, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp, CONTENT_SECURITY_POLICY, type SearchResponse } from '../src/server/index.js';
import { buildNamesIndex, type NamesIndex } from '../src/search/index.js';
import { makeSite, SECRET, type TestSite } from './server-site.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const renderSearch = ({ query: q, results }: SearchResponse) =>
  `<!doctype html><title>Search: ${escapeHtml(q)}</title><ol>` +
  results
    .map((r) => `<li data-kind="${r.kind}"${r.banned ? ' data-banned' : ''}><a href="${escapeHtml(r.url)}">${escapeHtml(r.title)}</a> (${escapeHtml(r.matched)})</li>`)
    .join('') +
  '</ol>';

function namesIndex(extra: { t: string; u: string; brand: string }[] = []): NamesIndex {
  const index = buildNamesIndex({ entries: [], byKey: new Map(), redirects: new Map(), substitutes: new Map(), registry: [], diagnostics: [] });
  index.items.push(
    { u: '/composition/alemtuzumab/', k: 'composition', n: ['Alemtuzumab', 'Campath', 'Lemtrada'], b: 0 },
    { u: '/composition/ringer-s-lactate/', k: 'composition', n: ["Ringer's Lactate"], b: 0 },
    { u: '/composition/combination/nimesulide-paracetamol/', k: 'combination', n: ['Nimesulide + Paracetamol'], b: 1 },
    ...extra.map(({ t, u, brand }) => ({ u, k: 'medicine' as const, n: [t, brand], b: 0 as const })),
  );
  return index;
}

let site: TestSite;
let app: Hono;
let plain: Hono;
const logLines: string[] = [];

before(async () => {
  site = await makeSite({ 'search/names.json': JSON.stringify(namesIndex()) });
  app = createApp({ siteDir: site.siteDir, renderSearch, onRequestLog: (line) => logLines.push(line) });
  plain = createApp({ siteDir: site.siteDir });
});
after(() => site.remove());

const get = async (path: string, headers: Record<string, string> = {}): Promise<Response> => app.request(path, { headers });

describe('static files', () => {
  const cases: [string, string][] = [
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/composition/alemtuzumab/', 'text/html; charset=utf-8'],
    ['/assets/site.css', 'text/css; charset=utf-8'],
    ['/assets/search.js', 'text/javascript; charset=utf-8'],
    ['/site.json', 'application/json; charset=utf-8'],
    ['/sitemap.xml', 'application/xml; charset=utf-8'],
    ['/robots.txt', 'text/plain; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml; charset=utf-8'],
    ['/assets/pixel.png', 'image/png'],
    ['/favicon.ico', 'image/x-icon'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['/api/all.ndjson', 'application/x-ndjson; charset=utf-8'],
  ];
  for (const [path, type] of cases) {
    test(`${path} is ${type}`, async () => {
      const res = await get(path);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('Content-Type'), type);
    });
  }

  test('a directory path serves its index.html', async () => {
    const res = await get('/composition/alemtuzumab/');
    assert.match(await res.text(), /<h1>Alemtuzumab<\/h1>/);
  });

  test('a directory without its trailing slash is redirected, keeping the query', async () => {
    const res = await get('/composition/alemtuzumab?x=1');
    assert.equal(res.status, 301);
    assert.equal(res.headers.get('Location'), '/composition/alemtuzumab/?x=1');
  });

  test('a file with a trailing slash is not found', async () => {
    assert.equal((await get('/robots.txt/')).status, 404);
  });

  test('a symlink that stays inside the site is served', async () => {
    const res = await get('/robots-link.txt');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /User-agent/);
  });

  test('HEAD answers headers only', async () => {
    const res = await app.request('/', { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Type'), 'text/html; charset=utf-8');
    assert.ok(Number(res.headers.get('Content-Length')) > 0);
    assert.ok(res.headers.get('ETag'));
    assert.equal(await res.text(), '');
  });

  test('other methods get 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await app.request('/', { method });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.get('Allow'), 'GET, HEAD');
      assert.equal(res.headers.get('Content-Type'), 'application/problem+json');
    }
  });
});

describe('caching', () => {
  test('strong ETag, then If-None-Match → 304 with the same validators', async () => {
    const first = await get('/composition/alemtuzumab/');
    const etag = first.headers.get('ETag');
    assert.ok(etag !== null && /^"[A-Za-z0-9_-]+"$/.test(etag), `strong etag: ${etag}`);
    const second = await get('/composition/alemtuzumab/', { 'If-None-Match': etag });
    assert.equal(second.status, 304);
    assert.equal(second.headers.get('ETag'), etag);
    assert.equal(second.headers.get('Cache-Control'), 'no-cache');
    assert.equal(await second.text(), '');
    // Lists and weak forms match too (weak comparison for GET); a different tag does not.
    assert.equal((await get('/composition/alemtuzumab/', { 'If-None-Match': `"nope", W/${etag}` })).status, 304);
    assert.equal((await get('/composition/alemtuzumab/', { 'If-None-Match': '"nope"' })).status, 200);
  });

  test('each encoding has its own strong ETag', async () => {
    const identity = (await get('/')).headers.get('ETag');
    const gz = (await get('/', { 'Accept-Encoding': 'gzip' })).headers.get('ETag');
    const br = (await get('/', { 'Accept-Encoding': 'br' })).headers.get('ETag');
    assert.equal(new Set([identity, gz, br]).size, 3);
    assert.equal(gz, identity!.replace(/"$/, '-gz"'));
    assert.equal((await get('/', { 'Accept-Encoding': 'gzip', 'If-None-Match': gz! })).status, 304);
  });

  test('Cache-Control: no-cache for pages and JSON, an hour for assets', async () => {
    assert.equal((await get('/')).headers.get('Cache-Control'), 'no-cache');
    assert.equal((await get('/site.json')).headers.get('Cache-Control'), 'no-cache');
    assert.equal((await get('/search/?q=campath')).headers.get('Cache-Control'), 'no-cache');
    assert.equal((await get('/assets/site.css')).headers.get('Cache-Control'), 'public, max-age=3600');
    assert.equal((await get('/nope/')).headers.get('Cache-Control'), 'no-cache');
  });

  test('a file changed on disk is served new, with a new ETag, on the next request', async () => {
    await site.write('composition/changing/index.html', '<h1>Version one</h1>');
    const one = await get('/composition/changing/');
    assert.equal(await one.text(), '<h1>Version one</h1>');
    await site.write('composition/changing/index.html', '<h1>Version two, longer</h1>');
    const two = await get('/composition/changing/', { 'If-None-Match': one.headers.get('ETag')! });
    assert.equal(two.status, 200);
    assert.equal(await two.text(), '<h1>Version two, longer</h1>');
    assert.notEqual(two.headers.get('ETag'), one.headers.get('ETag'));
    // Same size, same content length, only the time differs.
    await site.write('composition/changing/index.html', '<h1>Version TWO, longer</h1>');
    const later = new Date(Date.now() + 5000);
    await utimes(join(site.siteDir, 'composition/changing/index.html'), later, later);
    assert.equal(await (await get('/composition/changing/')).text(), '<h1>Version TWO, longer</h1>');
    // Replaced by rename, as atomic writers do.
    await writeFile(join(site.root, 'next.html'), '<h1>Three</h1>');
    await rename(join(site.root, 'next.html'), join(site.siteDir, 'composition/changing/index.html'));
    assert.equal(await (await get('/composition/changing/')).text(), '<h1>Three</h1>');
  });
});

describe('compression', () => {
  test('gzip when asked, decoding to the original', async () => {
    const original = Buffer.from(await (await get('/')).arrayBuffer());
    const res = await get('/', { 'Accept-Encoding': 'gzip, deflate' });
    assert.equal(res.headers.get('Content-Encoding'), 'gzip');
    assert.equal(res.headers.get('Vary'), 'Accept-Encoding');
    const body = Buffer.from(await res.arrayBuffer());
    assert.equal(Number(res.headers.get('Content-Length')), body.length);
    assert.ok(body.length < original.length);
    assert.deepEqual(gunzipSync(body), original);
  });

  test('br preferred when both are accepted; q=0 refuses', async () => {
    const res = await get('/assets/site.css', { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(res.headers.get('Content-Encoding'), 'br');
    assert.match(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString(), /font-family/);
    assert.equal((await get('/', { 'Accept-Encoding': 'br;q=0, gzip' })).headers.get('Content-Encoding'), 'gzip');
    assert.equal((await get('/', { 'Accept-Encoding': 'identity' })).headers.get('Content-Encoding'), null);
    assert.equal((await get('/')).headers.get('Content-Encoding'), null);
  });

  test('images and tiny files are not compressed', async () => {
    assert.equal((await get('/assets/pixel.png', { 'Accept-Encoding': 'gzip' })).headers.get('Content-Encoding'), null);
    assert.equal((await get('/site.json', { 'Accept-Encoding': 'gzip' })).headers.get('Content-Encoding'), null);
  });
});

describe('security headers', () => {
  const expected = {
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  };
  const requests: [string, () => Response | Promise<Response>][] = [
    ['200', () => get('/')],
    ['304', async () => get('/', { 'If-None-Match': (await get('/')).headers.get('ETag')! })],
    ['301', () => get('/composition/alemtuzumab')],
    ['redirect', () => get("/composition/ringer's-lactate/")],
    ['404', () => get('/no/such/page/')],
    ['400', () => get('/%c0%ae%c0%ae/')],
    ['405', () => app.request('/', { method: 'POST' })],
    ['search', () => get('/search/?q=campath')],
  ];
  for (const [name, request] of requests) {
    test(`on a ${name} response`, async () => {
      const res = await request();
      for (const [header, value] of Object.entries(expected)) assert.equal(res.headers.get(header), value, header);
      assert.match(res.headers.get('Permissions-Policy') ?? '', /camera=\(\)/);
      assert.doesNotMatch(res.headers.get('Content-Security-Policy') ?? '', /unsafe-inline|unsafe-eval/);
    });
  }
  test('the exported policy is the one sent', () => assert.equal(CONTENT_SECURITY_POLICY, expected['content-security-policy']));
});

describe('path safety', () => {
  const attempts = [
    '/..%2f..%2fetc/passwd',
    '/..%2fsecret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e/secret.txt',
    '/..\\..\\etc\\passwd',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/assets/../../package.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/%252e%252e/secret.txt',
    '/%00',
    '/index.html%00.txt',
    '/search/%c0%ae%c0%ae/',
    '/%c0%ae%c0%ae/secret.txt',
    '/%',
    '/%E0%A4%A',
    '/leak.txt',
    '/leakdir/',
    '/leakdir/index.html',
    '/leakdir',
    '//secret.txt',
    '/.%2e/secret.txt',
    '/_redirects',
    '/.hidden',
  ];
  for (const path of attempts) {
    test(`${JSON.stringify(path)} → 400 or 404, never the secret`, async () => {
      const res = await get(path);
      assert.ok(res.status === 400 || res.status === 404, `status ${res.status}`);
      const body = await res.text();
      assert.ok(!body.includes(SECRET), 'secret leaked');
      assert.ok(!/\bat .*\.(?:ts|js):\d+/.test(body), 'stack trace leaked');
    });
  }

  test('malformed percent-encoding is a 400 problem', async () => {
    const res = await get('/search/%c0%ae%c0%ae/');
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('Content-Type'), 'application/problem+json');
    assert.deepEqual(await res.json(), {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'the URL path is not valid percent-encoded UTF-8',
    });
  });

  test('a symlink out of the site is a 404 page', async () => {
    const res = await get('/leak.txt');
    assert.equal(res.status, 404);
    assert.match(await res.text(), /Page not found/);
  });
});

describe('redirects', () => {
  test("an old path with an apostrophe, raw or encoded", async () => {
    for (const path of ["/composition/ringer's-lactate/", '/composition/ringer%27s-lactate/', "/composition/ringer's-lactate"]) {
      const res = await get(path);
      assert.equal(res.status, 301, path);
      assert.equal(res.headers.get('Location'), '/composition/ringer-s-lactate/', path);
    }
  });

  test('an old path with a comma, default status 301; encoded in the file; other statuses kept', async () => {
    const comma = await get('/composition/a,b-combo/');
    assert.equal(comma.status, 301);
    assert.equal(comma.headers.get('Location'), '/composition/combination/a-b-combo/');
    assert.equal((await get('/composition/a%2Cb-combo/')).status, 301);
    const accented = await get('/composition/café/');
    assert.equal(accented.status, 301);
    assert.equal(accented.headers.get('Location'), '/composition/cafe/');
    const temporary = await get('/old/?q=1');
    assert.equal(temporary.status, 302);
    assert.equal(temporary.headers.get('Location'), '/composition/alemtuzumab/?q=1');
  });

  test('_redirects is re-read when it changes', async () => {
    assert.equal((await get('/brand-new-old-path/')).status, 404);
    await site.write('_redirects', '/brand-new-old-path/ /composition/alemtuzumab/ 301\n# more lines to change the size\n');
    const res = await get('/brand-new-old-path/');
    assert.equal(res.status, 301);
    assert.equal(res.headers.get('Location'), '/composition/alemtuzumab/');
  });
});

describe('404', () => {
  test('serves 404.html with status 404', async () => {
    const res = await get('/no/such/page/');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('Content-Type'), 'text/html; charset=utf-8');
    assert.match(await res.text(), /<h1>Page not found<\/h1>/);
  });

  test('HEAD of a missing page is a 404 without a body', async () => {
    const res = await app.request('/no/such/page/', { method: 'HEAD' });
    assert.equal(res.status, 404);
    assert.equal(await res.text(), '');
  });
});

describe('search', () => {
  test('renders results from names.json, matching a brand name', async () => {
    const res = await get('/search/?q=campath');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Type'), 'text/html; charset=utf-8');
    const html = await res.text();
    assert.match(html, /<a href="\/composition\/alemtuzumab\/">Alemtuzumab<\/a> \(Campath\)/);
    assert.match(html, /<title>Search: campath<\/title>/);
  });

  test('banned flag, kind and query escaping reach the renderer', async () => {
    const html = await (await get('/search/?q=' + encodeURIComponent('paracetamol<script>'))).text();
    assert.match(html, /Search: paracetamol&#60;script&#62;/);
    const hit = await (await get('/search/?q=nimesulide')).text();
    assert.match(hit, /data-kind="combination" data-banned/);
  });

  test('empty and missing queries render no results', async () => {
    assert.match(await (await get('/search/')).text(), /<ol><\/ol>/);
    assert.match(await (await get('/search/?q=%20')).text(), /<ol><\/ol>/);
  });

  test('/search redirects to /search/ keeping the query', async () => {
    const res = await get('/search?q=campath');
    assert.equal(res.status, 301);
    assert.equal(res.headers.get('Location'), '/search/?q=campath');
  });

  test('ETag and 304 work for search pages too', async () => {
    const etag = (await get('/search/?q=campath')).headers.get('ETag')!;
    assert.equal((await get('/search/?q=campath', { 'If-None-Match': etag })).status, 304);
  });

  test('a rebuilt names.json is used by the next request', async () => {
    assert.match(await (await get('/search/?q=newbrand')).text(), /<ol><\/ol>/);
    await site.write('search/names.json', JSON.stringify(namesIndex([{ t: 'Newdrug 5', u: '/medicines/newdrug-5/', brand: 'Newbrand' }])));
    assert.match(await (await get('/search/?q=newbrand')).text(), /Newdrug 5<\/a> \(Newbrand\)/);
  });

  test('a broken names.json gives no results and one log line, not an error', async () => {
    await site.write('search/names.json', '{"v": 99, "items": []}');
    const res = await get('/search/?q=campath');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<ol><\/ol>/);
    await get('/search/?q=campath');
    const problems = logLines.filter((l) => l.startsWith('search: search/names.json') || l.startsWith('search: names index'));
    assert.equal(problems.length, 1, `one log line per broken file, not per request: ${problems.join(' | ')}`);
    assert.match(problems[0]!, /names index has version 99, this engine reads version \d+; rebuild the site/);
    await site.write('search/names.json', JSON.stringify(namesIndex()));
    assert.match(await (await get('/search/?q=campath')).text(), /Campath/);
  });

  test('without renderSearch, /search/ is the static page', async () => {
    const res = await plain.request('/search/?q=campath');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<h1>Search<\/h1>/);
  });

  test('a renderer that throws gives a 500 problem without details', async () => {
    const broken = createApp({
      siteDir: site.siteDir,
      renderSearch: () => {
        throw new Error('renderer exploded at /secret/path.ts:12');
      },
      onRequestLog: () => {},
    });
    const res = await broken.request('/search/?q=x');
    assert.equal(res.status, 500);
    const body = await res.text();
    assert.doesNotMatch(body, /exploded|secret|\.ts/);
    assert.deepEqual(JSON.parse(body), {
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'the server could not answer this request',
    });
    assert.equal(res.headers.get('X-Frame-Options'), 'DENY');
  });
});

test('request log: one line per request', async () => {
  logLines.length = 0;
  await get('/robots.txt?x=1');
  assert.equal(logLines.length, 1);
  assert.match(logLines[0]!, /^GET \/robots\.txt\?x=1 200 \d+\.\dms$/);
});
