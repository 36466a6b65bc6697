import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { createApp, startServer } from '../../src/server/index.js';
import { ASSET_FILES, renderSearchPage, sitePages } from '../../src/site/index.js';
import { qualityPageSpec } from '../../src/site/quality-page.js';
import { check, contentOf, replaceOnce, withDefect, ZORALTINIB, VELBUTAMIDE } from '../helpers/check.js';

// The /quality/ page in a real browser: its links lead to the pages, and axe-core finds no violation.

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SITE = { siteUrl: null, siteName: 'Formulary', adSlots: {}, builtAt: '2026-01-01T00:00:00.000Z' };

let browser: Browser;
let base: string;
let close: () => Promise<void>;

before(async () => {
  const texts = withDefect(VELBUTAMIDE, (t) => replaceOnce(t, '### Dosage', '### **Dosage:**'), withDefect(ZORALTINIB, (t) => replaceOnce(t, '- Zoraltinib blocks', '- Zoraltanib blocks')));
  const content = contentOf(texts);
  const site = mkdtempSync(join(tmpdir(), 'formulary-quality-'));
  const write = (path: string, body: string): void => {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), body);
  };
  for (const p of sitePages(content.catalog, SITE)) write(p.path, p.render());
  for (const a of ASSET_FILES) {
    mkdirSync(dirname(join(site, a.path)), { recursive: true });
    copyFileSync(a.file, join(site, a.path));
  }
  const spec = qualityPageSpec(check(texts), content.catalog, content.files.length, SITE);
  write(spec.path, spec.render());
  const app = createApp({ siteDir: site, renderSearch: (r) => renderSearchPage(r, SITE) });
  const server = await startServer(app, 0, '127.0.0.1');
  base = server.url.replace(/\/$/, '');
  close = server.close;
  browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
});

after(async () => {
  await browser?.close();
  await close?.();
});

test('/quality/: counts, a finding that links to its page, and no axe-core violations', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '/quality/');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Content quality report');
  assert.equal(await page.getByRole('table', { name: 'Findings per rule' }).getByRole('row').count(), 3, 'header + two rules');
  await page.getByRole('link', { name: 'Zoraltinib' }).first().click();
  await page.waitForURL(/\/composition\/zoraltinib\/$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Zoraltinib');
  await page.goto(base + '/quality/');
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } };
    return (await w.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await page.close();
});
