import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseRequestPath, isInside } from '../src/server/request-path.js';
import { findRedirect, locationFor, parseRedirects } from '../src/server/redirects.js';
import { etagMatches, negotiateEncoding } from '../src/server/respond.js';

test('parseRequestPath accepts ordinary paths and decodes once', () => {
  assert.deepEqual(parseRequestPath('/'), { ok: true, path: { raw: '/', decoded: '/', segments: [], trailingSlash: true } });
  assert.deepEqual(parseRequestPath('/composition/ringer%27s-lactate/'), {
    ok: true,
    path: {
      raw: '/composition/ringer%27s-lactate/',
      decoded: "/composition/ringer's-lactate/",
      segments: ['composition', "ringer's-lactate"],
      trailingSlash: true,
    },
  });
  const twice = parseRequestPath('/%252e%252e/x');
  assert.ok(twice.ok);
  assert.deepEqual(twice.path.segments, ['%2e%2e', 'x']); // decoded once: a literal name, not ".."
  assert.ok(parseRequestPath('/.well-known/security.txt').ok);
});

test('parseRequestPath rejects traversal and encoding tricks as data', () => {
  const cases: [string, 400 | 404][] = [
    ['/../etc/passwd', 400],
    ['/a/./b', 400],
    ['/%2e%2e/etc/passwd', 400],
    ['/..%2f..%2fetc/passwd', 400],
    ['/a%2Fb', 400],
    ['/a%5cb', 400],
    ['/..\\..\\etc\\passwd', 400],
    ['/%00', 400],
    ['/a\0b', 400],
    ['/%c0%ae%c0%ae/', 400],
    ['/%', 400],
    ['/%zz', 400],
    ['relative', 400],
    ['//evil.example/', 404],
    ['/a//b', 404],
    ['/.git/config', 404],
    ['/.env', 404],
    ['/_redirects', 404],
  ];
  for (const [raw, status] of cases) {
    const result = parseRequestPath(raw);
    assert.equal(result.ok, false, raw);
    assert.equal(!result.ok && result.status, status, raw);
  }
});

test('property: an accepted path never has a traversal segment, NUL or backslash', () => {
  const piece = fc.constantFrom('a', '.', '..', '/', '\\', '%2e', '%2E', '%2f', '%5c', '%00', '%', '%c0%ae', "'", ',', 'é', '%25');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const result = parseRequestPath('/' + pieces.join(''));
      if (!result.ok) return;
      for (const s of result.path.segments) {
        assert.ok(s !== '.' && s !== '..' && s !== '' && !s.includes('/') && !s.includes('\\') && !s.includes('\0'));
      }
    }),
    { numRuns: 2000 },
  );
});

test('isInside compares whole path segments', () => {
  assert.ok(isInside('/srv/site', '/srv/site'));
  assert.ok(isInside('/srv/site', '/srv/site/a/index.html'));
  assert.ok(!isInside('/srv/site', '/srv/site-old/index.html'));
  assert.ok(!isInside('/srv/site', '/srv/secret.txt'));
  assert.ok(isInside('/', '/etc'));
});

test('parseRedirects reads Netlify lines, skipping comments, blanks and non-redirects', () => {
  const table = parseRedirects(
    [
      '# comment',
      '',
      "  /composition/ringer's-lactate/   /composition/ringer-s-lactate/   301  ",
      '/a,b/ /a-b/',
      '/t/ /u/ 302!',
      '/rewrite/ /index.html 200',
      '/gone/ /404.html 404',
      '/only-one-field',
      '/caf%C3%A9/ /cafe/',
      "/composition/ringer's-lactate/ /second/ 301",
    ].join('\r\n'),
  );
  assert.deepEqual(
    [...table],
    [
      ["/composition/ringer's-lactate/", { to: '/composition/ringer-s-lactate/', status: 301 }],
      ['/a,b/', { to: '/a-b/', status: 301 }],
      ['/t/', { to: '/u/', status: 302 }],
      ['/café/', { to: '/cafe/', status: 301 }],
    ],
  );
  assert.equal(findRedirect(table, '/a,b')?.to, '/a-b/');
  assert.equal(findRedirect(table, '/a,b/')?.to, '/a-b/');
  assert.equal(findRedirect(table, '/'), undefined);
});

test('locationFor keeps the target as written, makes it header-safe, and keeps the query', () => {
  assert.equal(locationFor({ to: '/a-b/', status: 301 }, '?q=1'), '/a-b/?q=1');
  assert.equal(locationFor({ to: '/a-b/?x=1', status: 301 }, '?q=1'), '/a-b/?x=1');
  assert.equal(locationFor({ to: '/café/', status: 301 }, ''), '/caf%C3%A9/');
  assert.equal(locationFor({ to: 'https://example.org/a%2Fb', status: 301 }, ''), 'https://example.org/a%2Fb');
});

test('negotiateEncoding', () => {
  assert.equal(negotiateEncoding(undefined), 'identity');
  assert.equal(negotiateEncoding(''), 'identity');
  assert.equal(negotiateEncoding('gzip'), 'gzip');
  assert.equal(negotiateEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(negotiateEncoding('br;q=0.5, gzip'), 'gzip');
  assert.equal(negotiateEncoding('br;q=0, gzip;q=0'), 'identity');
  assert.equal(negotiateEncoding('*'), 'br');
  assert.equal(negotiateEncoding('*;q=0, gzip'), 'gzip');
  assert.equal(negotiateEncoding('GZIP'), 'gzip');
  assert.equal(negotiateEncoding('deflate'), 'identity');
});

test('etagMatches uses weak comparison', () => {
  assert.ok(etagMatches('"a"', '"a"'));
  assert.ok(etagMatches('W/"a"', '"a"'));
  assert.ok(etagMatches('"b", "a"', '"a"'));
  assert.ok(etagMatches('*', '"a"'));
  assert.ok(!etagMatches('"ab"', '"a"'));
  assert.ok(!etagMatches(undefined, '"a"'));
  assert.ok(!etagMatches('a', '"a"'));
});

/** Run `fn` with a fresh temporary folder, removed afterwards. */
async function inTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'formulary-file-cache-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('FileCache: compressed forms count against the budget when made; a file over half the budget is served, not held', async () => {
  const { writeFileSync } = await import('node:fs');
  const { randomBytes } = await import('node:crypto');
  const { join } = await import('node:path');
  const { FileCache } = await import('../src/server/file-cache.js');
  const { statOrNull } = await import('../src/server/file-version.js');
  await inTempDir(async (dir) => {
    // Random bytes do not compress: each gzip form is a little larger than its file.
    const [a, b, big] = ['a', 'b', 'big'].map((n) => join(dir, `${n}.bin`)) as [string, string, string];
    writeFileSync(a, randomBytes(1000));
    writeFileSync(b, randomBytes(1000));
    writeFileSync(big, randomBytes(3000));
    const cache = new FileCache(4000);
    const load = (f: string) => cache.load(f, statOrNull(f)!);
    const pa = await load(a);
    await load(b);
    assert.equal(cache.size, 2000);
    const gz = await pa.encoded('gzip');
    assert.equal(cache.size, 2000 + gz.byteLength, 'the gzip form is counted once made');
    await (await load(b)).encoded('gzip'); // a is now the least recently used; b's form pushes the total over
    assert.ok(cache.size <= 4000, `within the budget (${cache.size})`);
    assert.notEqual(await load(a), pa, 'a was dropped, forms and all, and is read again');
    const before = cache.size;
    const p = await load(big);
    assert.equal(p.bytes.byteLength, 3000, 'served');
    assert.equal(cache.size, before, 'not held');
    assert.notEqual(await load(big), p);
  });
});

test('defaultCacheBytes: a sixteenth of memory, from 64 MiB to 1 GiB', async () => {
  const { defaultCacheBytes } = await import('../src/server/index.js');
  const MiB = 1024 * 1024;
  assert.equal(defaultCacheBytes(512 * MiB), 64 * MiB);
  assert.equal(defaultCacheBytes(4096 * MiB), 256 * MiB);
  assert.equal(defaultCacheBytes(64 * 1024 * MiB), 1024 * MiB);
});

test('the server module exports exactly its public API', async () => {
  const mod = await import('../src/server/index.js');
  assert.deepEqual(Object.keys(mod).sort(), [
    'CONTENT_SECURITY_POLICY',
    'HttpError',
    'SEARCH_PAGE_LIMIT',
    'SECURITY_HEADERS',
    'createApp',
    'defaultCacheBytes',
    'startServer',
  ]);
});

test('FileCache: the ETag hash follows the file version, through evictions and rewrites', async () => {
  const { writeFileSync, utimesSync } = await import('node:fs');
  const { createHash } = await import('node:crypto');
  const { join } = await import('node:path');
  const { FileCache } = await import('../src/server/file-cache.js');
  const { statOrNull } = await import('../src/server/file-version.js');
  await inTempDir(async (dir) => {
    const sha1 = (s: string): string => createHash('sha1').update(s).digest('base64url');
    const [a, b, c] = ['a', 'b', 'c'].map((n) => join(dir, `${n}.json`)) as [string, string, string];
    for (const f of [a, b, c]) writeFileSync(f, f.slice(-6, -5).repeat(400));
    const cache = new FileCache(1000); // room for two of them
    const load = (f: string) => cache.load(f, statOrNull(f)!);
    assert.equal((await load(a)).hash, sha1('a'.repeat(400)));
    assert.equal((await load(b)).hash, sha1('b'.repeat(400)));
    assert.equal(cache.size, 800);
    assert.equal(await load(a), await load(a), 'held: the same payload');
    await load(c); // evicts b, the least recently used
    assert.equal(cache.size, 800);
    const again = await load(b);
    assert.equal(again.hash, sha1('b'.repeat(400)), 'read again after eviction: same hash');
    assert.equal(Buffer.from(again.bytes).toString(), 'b'.repeat(400));
    // Rewritten with the same size: a new version (mtime), so a new hash, never the remembered one.
    writeFileSync(a, 'd'.repeat(400));
    utimesSync(a, new Date(), new Date(Date.now() + 5000));
    await load(c);
    await load(b); // evicts a's bytes; its old hash stays remembered
    const rewritten = await load(a);
    assert.equal(Buffer.from(rewritten.bytes).toString(), 'd'.repeat(400));
    assert.equal(rewritten.hash, sha1('d'.repeat(400)));
  });
});
