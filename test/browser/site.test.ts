import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from '../../src/build/index.js';
import { createApp, startServer } from '../../src/server/index.js';
import { renderComparePage, renderDosePage, renderInteractionsPage, renderSearchPage } from '../../src/site/index.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const ARTIFACTS = join(ROOT, 'test-artifacts');
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let base: string;
let close: () => Promise<void>;

before(async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'formulary-browser-'));
  const out = join(tmp, 'dist');
  // With --regimens: drug pages carry the dose calculator (axe checks it too).
  await build({ contentDirs: [join(ROOT, 'content')], brandFiles: [join(ROOT, 'content', 'brands', 'sample-brands.csv')], outDir: out, cacheDir: null, siteUrl: 'https://example.org', regimens: true });
  const options = { siteUrl: 'https://example.org', siteName: 'Formulary', adSlots: {}, builtAt: new Date().toISOString(), regimens: true };
  const app = createApp({
    siteDir: out,
    renderSearch: (r) => renderSearchPage(r, options),
    renderTools: { interactions: (d) => renderInteractionsPage(d, options), compare: (d) => renderComparePage(d, options), dose: (d) => renderDosePage(d, options) },
  });
  const server = await startServer(app, 0, '127.0.0.1');
  base = server.url.replace(/\/$/, '');
  close = server.close;
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await close?.();
});

async function axe(page: Page): Promise<{ id: string; nodes: unknown[] }[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } };
    return w.axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations;
}

describe('the site in a real browser', () => {
  test('home → type "Campath" → alemtuzumab → FAQ visible', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(base + '/');
    const box = page.getByRole('combobox').first();
    await box.click();
    await box.pressSequentially('Campath', { delay: 20 });
    const option = page.getByRole('option', { name: /Alemtuzumab/ }).first();
    await option.waitFor({ state: 'visible', timeout: 5000 });
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/\/composition\/alemtuzumab\/$/, { timeout: 5000 });
    assert.equal(await page.locator('h1').count(), 1);
    assert.match(await page.locator('h1').innerText(), /Alemtuzumab/);
    const faq = page.getByText('What is the recommended dosage for Alemtuzumab?').first();
    assert.ok(await faq.isVisible(), 'the FAQ question is visible');
    assert.deepEqual(errors, [], 'no script errors or CSP violations');
    await page.close();
  });

  test('pages are readable without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(base + '/composition/itolizumab/');
    assert.ok(await page.getByText('1.6 mg/kg body weight', { exact: false }).first().isVisible(), 'dosage text visible without JS');
    await page.goto(base + '/search/?q=lemtrada');
    assert.ok(await page.getByRole('link', { name: /Alemtuzumab/ }).first().isVisible(), 'server-side search works without JS');
    await ctx.close();
  });

  const pages: [string, string][] = [
    ['home', '/'],
    ['composition', '/composition/alemtuzumab/'],
    ['combination', '/composition/combination/paracetamol-caffeine/'],
    ['medicine', '/medicines/demoxin-plus/'],
    ['brand with substitutes', '/medicines/examplamol-650-tablet/'],
    ['generic with a brands table', '/composition/paracetamol/'],
    ['banned brand from the registry', '/medicines/demoxin-forte-tablet/'],
    ['banned medicines list', '/banned/'],
    ['search', '/search/?q=para'],
    ['interaction check', '/interactions/?d=Crocin+650&d=paracetamol-caffeine&d=alemtuzumb'],
    ['compare', '/compare/?d=paracetamol&d=alemtuzumab&d=crocin-650'],
    ['composition with the dose calculator', '/composition/isatuximab/'],
    ['dose calculation', '/dose/?page=%2Fcomposition%2Fisatuximab%2F&regimen=0&weightKg=72&start=2026-12-01'],
  ];
  for (const [name, path] of pages) {
    test(`axe-core reports no violations on the ${name} page`, async () => {
      const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(base + path);
      const violations = await axe(page);
      await page.screenshot({ path: join(ARTIFACTS, `${name.replace(/\W+/g, '-')}.png`), fullPage: true });
      assert.deepEqual(
        violations.map((v) => `${v.id} (${v.nodes.length})`),
        [],
        `axe violations on ${path}`,
      );
      await ctx.close();
    });
  }
});
