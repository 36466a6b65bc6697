import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ApiDrugSchema, DoseProblemSchema } from '../src/api/index.js';
import { DoseResponseSchema } from '../src/clinical/index.js';
import ICAL from 'ical.js';
import { createApp } from '../src/server/index.js';
import { renderComparePage, renderDosePage, renderInteractionsPage } from '../src/site/index.js';
import { makeApiSite, type ApiTestSite } from './api-site.js';
import { runCli } from './helpers/cli.js';

// `POST /api/dose` (issue 6's contract) and the `--regimens` build option that publishes the
// regimens it calculates from, over the bundled sample.

let withRegimens: ApiTestSite;
let without: ApiTestSite;
before(async () => {
  [withRegimens, without] = await Promise.all([makeApiSite({}, { regimens: true }), makeApiSite()]);
});
after(() => {
  withRegimens.remove();
  without.remove();
});

const post = (site: ApiTestSite, body: unknown) =>
  createApp({ siteDir: site.siteDir, api: { rateLimit: false } }).request('/api/dose', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const drug = (site: ApiTestSite, id: string) => ApiDrugSchema.parse(JSON.parse(readFileSync(join(site.siteDir, 'api/v1/drugs', `${id}.json`), 'utf8')));

describe('--regimens', () => {
  test('publishes each generic’s regimens with their source; brands have none; without it every list is empty', () => {
    const isa = drug(withRegimens, 'isatuximab');
    assert.ok(isa.regimens.length > 0);
    const r = isa.regimens[0]!;
    assert.deepEqual([r.amount, r.unit, r.per, r.route, r.cycleDays], [10, 'mg', 'kg', 'IV', 28]);
    assert.equal(r.source.file, 'content/compositions/isatuximab.md');
    const line = readFileSync(join(new URL('..', import.meta.url).pathname, r.source.file), 'utf8').split('\n')[r.source.line - 1]!;
    assert.ok(line.includes(r.source.text), `line ${r.source.line} holds the source sentence`);
    assert.deepEqual(drug(withRegimens, 'crocin-650').regimens, []);
    assert.deepEqual(drug(without, 'isatuximab').regimens, []);
    // The other facts come with them: the pregnancy status and the interaction lines, each with its sentence.
    const facts = isa.facts!;
    assert.equal(facts.pregnancy?.status, 'contraindicated');
    assert.match(facts.pregnancy!.source.text, /use during pregnancy is contraindicated/);
    assert.ok(facts.targets.some((t) => t.name === 'CD38'));
    assert.equal(drug(without, 'isatuximab').facts, undefined);
  });

  test('the CLI flag sets it', async () => {
    const out = join(withRegimens.root, 'cli-site');
    const r = await runCli(['build', new URL('../content', import.meta.url).pathname, '--out', out, '--no-cache', '--quiet', '--regimens']);
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(readFileSync(join(out, 'api/v1/drugs/isatuximab.json'), 'utf8')) as { regimens: unknown[] };
    assert.ok(doc.regimens.length > 0);
  });
});

describe('POST /api/dose', () => {
  test('per kg: the formula, the rounding and the source sentence', async () => {
    const res = await post(withRegimens, { slug: 'isatuximab', regimen: 0, weightKg: 72 });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = DoseResponseSchema.parse(await res.json());
    assert.equal(body.doseMg, 720);
    assert.equal(body.formula, '10 mg/kg × 72 kg = 720 mg');
    assert.equal(body.slug, 'isatuximab');
    assert.equal(body.regimenIndex, 0);
    assert.deepEqual(body.regimen, drug(withRegimens, 'isatuximab').regimens[0]);
    assert.equal(body.source.text, body.regimen.source.text);
  });

  test('refusals are 422 problems with a stable code and a message for the reader', async () => {
    const cases: [unknown, ApiTestSite, string, RegExp][] = [
      [{ slug: 'isatuximab', regimen: 0 }, withRegimens, 'weight-required', /weight/i],
      [{ slug: 'isatuximab', regimen: 0, weightKg: 900 }, withRegimens, 'weight-out-of-range', /350/],
      [{ slug: 'isatuximab', weightKg: 72 }, withRegimens, 'regimen-required', /Choose which one/],
      [{ slug: 'isatuximab', regimen: 99, weightKg: 72 }, withRegimens, 'regimen-not-found', /no regimen 99/],
      [{ slug: 'isatuximab', weightKg: 72 }, without, 'no-regimens', /nothing to calculate/],
      [{ slug: 'crocin-650', weightKg: 72 }, withRegimens, 'no-regimens', /brand.*"paracetamol"/],
    ];
    for (const [body, site, code, message] of cases) {
      const res = await post(site, body);
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      const p = DoseProblemSchema.parse(await res.json());
      assert.equal(p.code, code, JSON.stringify(body));
      assert.match(p.detail, message);
    }
  });

  test('bad requests: 400 for bad JSON or fields, 404 for an unknown drug, 405 for GET, 415 for another type', async () => {
    assert.equal((await post(withRegimens, '{"slug":')).status, 400);
    assert.equal((await post(withRegimens, { slug: 'isatuximab', weightKg: '72' })).status, 400);
    assert.equal((await post(withRegimens, { slug: '../../etc/passwd', weightKg: 72 })).status, 400);
    assert.equal((await post(withRegimens, { slug: 'no-such-drug', weightKg: 72 })).status, 404);
    const app = createApp({ siteDir: withRegimens.siteDir, api: { rateLimit: false } });
    const get = await app.request('/api/dose');
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    const text = await app.request('/api/dose', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    assert.equal(text.status, 415);
    const pre = await app.request('/api/dose', { method: 'OPTIONS', headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
    assert.equal(pre.status, 204);
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
  });
});

describe('the drug page’s dose calculator (--regimens)', () => {
  const OPTIONS = { siteUrl: null, siteName: 'Formulary', adSlots: {}, builtAt: '2026-01-01T00:00:00.000Z' };
  const app = (site: ApiTestSite) =>
    createApp({
      siteDir: site.siteDir,
      renderTools: { interactions: (d) => renderInteractionsPage(d, OPTIONS), compare: (d) => renderComparePage(d, OPTIONS), dose: (d) => renderDosePage(d, OPTIONS) },
    });
  const page = (site: ApiTestSite, path: string) => readFileSync(join(site.siteDir, path), 'utf8');

  test('the page lists each regimen with its source sentence and a GET form to /dose/; without --regimens there is none', () => {
    const html = page(withRegimens, 'composition/isatuximab/index.html');
    const n = drug(withRegimens, 'isatuximab').regimens.length;
    const table = html.slice(html.indexOf('<table class="regimens">'), html.indexOf('</table>', html.indexOf('<table class="regimens">')));
    assert.equal(table.match(/<tr><th scope="row">/g)?.length, n);
    assert.match(table, /10 mg\/kg.*IV.*days 1, 8, 15 and 22 of a 28-day cycle.*<q>10 mg\/kg on days 1, 8, 15, and 22 of a 28-day cycle\.<\/q>/s);
    assert.match(html, /<form class="tool-form dose-form" id="[^"]+" method="get" action="\/dose\/">\s*<input type="hidden" name="page" value="\/composition\/isatuximab\/"\/>/);
    assert.match(html, /href="#dose-calculator">Dose calculator</, 'in the table of contents');
    assert.doesNotMatch(page(without, 'composition/isatuximab/index.html'), /dose-calculator|action="\/dose\/"/);
    assert.ok(readFileSync(join(withRegimens.siteDir, 'dose/index.html'), 'utf8').includes('<h1>Dose calculation</h1>'));
    assert.throws(() => readFileSync(join(without.siteDir, 'dose/index.html')));
  });

  test('GET /dose/: the dose with its formula and source; a refusal in words; a start date gives the schedule and its .ics', async () => {
    const q = (extra: string) => `/dose/?page=${encodeURIComponent('/composition/isatuximab/')}&regimen=0${extra}`;
    const ok = await (await app(withRegimens).request(q('&weightKg=72&start=2026-12-01'))).text();
    assert.match(ok, /720 mg per dose/);
    assert.match(ok, /10 mg\/kg × 72 kg = 720 mg/);
    assert.match(ok, /<time datetime="2026-12-08">2026-12-08<\/time>: Cycle 1, day 8/);
    const ics = /href="(\/dose\/schedule\.ics\?[^"]+)"/.exec(ok)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(ics, 'a link to the calendar file');
    const cal = await app(withRegimens).request(ics);
    assert.equal(cal.headers.get('content-type'), 'text/calendar; charset=utf-8');
    const events = new ICAL.Component(ICAL.parse(await cal.text())).getAllSubcomponents('vevent');
    const dates = [...ok.matchAll(/<time datetime="([\d-]+)">/g)].map((m) => m[1]);
    assert.deepEqual(events.map((e) => String(e.getFirstPropertyValue('dtstart'))), dates);
    const refused = await (await app(withRegimens).request(q('&weightKg=900'))).text();
    assert.match(refused, /350/);
    assert.doesNotMatch(refused, /mg per dose/);
    const unknown = await (await app(withRegimens).request('/dose/?page=%2Fnope%2F')).text();
    assert.match(unknown, /No drug page was named/);
    assert.equal((await app(withRegimens).request('/dose/schedule.ics?page=%2Fnope%2F&start=2026-12-01')).status, 404);
  });

  test('the page\'s JSON-LD Drug gets doseSchedule and administrationRoute from the same regimens; not without --regimens', () => {
    const ld = (site: ApiTestSite) => {
      const html = page(site, 'composition/isatuximab/index.html');
      const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as { '@type': string; mainEntity?: Record<string, unknown> });
      return blocks.find((b) => b['@type'] === 'MedicalWebPage')!.mainEntity!;
    };
    const drugLd = ld(withRegimens);
    const schedules = drugLd['doseSchedule'] as { '@type': string; doseValue: number; doseUnit: string; frequency?: string }[];
    assert.equal(schedules.length, drug(withRegimens, 'isatuximab').regimens.length);
    assert.deepEqual([schedules[0]!['@type'], schedules[0]!.doseValue, schedules[0]!.doseUnit], ['DoseSchedule', 10, 'mg/kg']);
    assert.equal(schedules[0]!.frequency, 'days 1, 8, 15 and 22 of a 28-day cycle');
    assert.deepEqual(drugLd['administrationRoute'], ['IV']);
    assert.equal(ld(without)['doseSchedule'], undefined);
  });
});

