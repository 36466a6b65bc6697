// Test helper (not a test file): a small built site in a temp dir, with a secret file beside it
// that no request may ever reach.
import { mkdtemp, mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const SECRET = 'TOP-SECRET-CONTENT-4f1e';

export interface TestSite {
  /** Temp dir holding `site/` and the secrets. */
  root: string;
  siteDir: string;
  write(path: string, content: string | Uint8Array): Promise<void>;
  remove(): Promise<void>;
}

const page = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<link rel="stylesheet" href="/assets/site.css"></head><body><h1>${title}</h1>` +
  `<p>${'A paragraph long enough to be worth compressing. '.repeat(12)}</p></body></html>\n`;

export async function makeSite(files: Record<string, string> = {}): Promise<TestSite> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'formulary-server-')));
  const siteDir = join(root, 'site');
  const write = async (path: string, content: string | Uint8Array) => {
    const file = join(siteDir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  };
  const defaults: Record<string, string> = {
    'index.html': page('Formulary'),
    '404.html': page('Page not found'),
    'composition/alemtuzumab/index.html': page('Alemtuzumab'),
    'composition/ringer-s-lactate/index.html': page("Ringer's Lactate"),
    'search/index.html': page('Search'),
    'assets/site.css': 'body { font-family: system-ui, sans-serif; }\n'.repeat(20),
    'assets/search.js': 'export function search() { return []; }\n'.repeat(20),
    'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>\n',
    'site.json': JSON.stringify({ title: 'Formulary', pages: 2 }),
    'robots.txt': 'User-agent: *\nAllow: /\n',
    'sitemap.xml': '<?xml version="1.0"?><urlset></urlset>\n',
    'manifest.webmanifest': '{"name":"Formulary"}',
    'api/all.ndjson': '{"a":1}\n{"a":2}\n',
    _redirects: [
      '# old unsafe paths',
      "/composition/ringer's-lactate/ /composition/ringer-s-lactate/ 301",
      '/composition/a,b-combo/ /composition/combination/a-b-combo/',
      '/composition/caf%C3%A9/ /composition/cafe/ 301',
      '/old/ /composition/alemtuzumab/ 302',
      '',
    ].join('\n'),
    ...files,
  };
  for (const [path, content] of Object.entries(defaults)) await write(path, content);
  await write('favicon.ico', new Uint8Array([0, 0, 1, 0, 1, 0, 16, 16]));
  await write('assets/pixel.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  // Secrets outside the site, where traversal would land.
  await writeFile(join(root, 'secret.txt'), SECRET);
  await writeFile(join(root, 'package.json'), SECRET);
  await mkdir(join(root, 'outside'), { recursive: true });
  await writeFile(join(root, 'outside', 'index.html'), SECRET);
  // Symlinks inside the site pointing out of it.
  await symlink(join(root, 'secret.txt'), join(siteDir, 'leak.txt'));
  await symlink(join(root, 'outside'), join(siteDir, 'leakdir'));
  // A symlink that stays inside is fine.
  await symlink(join(siteDir, 'robots.txt'), join(siteDir, 'robots-link.txt'));

  return { root, siteDir, write, remove: () => rm(root, { recursive: true, force: true }) };
}
