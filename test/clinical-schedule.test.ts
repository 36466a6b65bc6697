import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import ICAL from 'ical.js';
import type { Regimen } from '../src/clinical/schema.js';
import {
  SCHEDULE_LIMITS,
  SCHEDULE_REFUSAL_CODES,
  scheduleDates,
  toIcs,
  type ScheduleAnswer,
  type ScheduleOptions,
  type ScheduleRefusalCode,
  type ScheduleResult,
} from '../src/clinical/schedule.js';
import { EXAMPLES, MISSED_RULE, regimen } from './helpers/clinical-examples.js';

// Local time must not matter: run in a zone with daylight saving (the dates below cross its changes).
process.env.TZ = 'America/New_York';

function ok(answer: ScheduleAnswer): ScheduleResult {
  if (!answer.ok) assert.fail(`refused: ${answer.code}: ${answer.message}`);
  return answer;
}

/** A naive calendar: add days one at a time with a month-length table (no Date). */
function naiveAddDays(start: string, days: number): string {
  let [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const monthLength = (yy: number, mm: number): number =>
    mm === 2 ? ((yy % 4 === 0 && yy % 100 !== 0) || yy % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(mm) ? 30 : 31;
  for (let i = 0; i < days; i++) {
    d++;
    if (d > monthLength(y, m)) {
      d = 1;
      m++;
      if (m > 12) {
        m = 1;
        y++;
      }
    }
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

describe('the example regimens', () => {
  const cases: {
    name: string;
    regimen: Regimen;
    start: string;
    options?: ScheduleOptions;
    /** Days after the start, and labels. */
    offsets: number[];
    labels: string[];
    rule: string;
    continues: boolean;
    missedDose?: string;
  }[] = [
    {
      name: '1.6 mg/kg every 2 weeks for 12 weeks: 6 doses, across the March DST change',
      regimen: EXAMPLES.weightInduction,
      start: '2025-02-24',
      offsets: [0, 14, 28, 42, 56, 70],
      labels: ['Dose 1', 'Dose 2', 'Dose 3', 'Dose 4', 'Dose 5', 'Dose 6'],
      rule: 'every 14 days for 12 weeks',
      continues: false,
    },
    {
      name: 'then every 4 weeks: no end stated, 12 dates by default',
      regimen: EXAMPLES.weightMaintenance,
      start: '2025-05-05',
      offsets: Array.from({ length: 12 }, (_, k) => k * 28),
      labels: Array.from({ length: 12 }, (_, k) => `Dose ${k + 1}`),
      rule: 'every 28 days',
      continues: true,
    },
    {
      name: 'every 4 weeks, 3 dates asked for',
      regimen: EXAMPLES.weightMaintenance,
      start: '2025-05-05',
      options: { maxDates: 3 },
      offsets: [0, 28, 56],
      labels: ['Dose 1', 'Dose 2', 'Dose 3'],
      rule: 'every 28 days',
      continues: true,
    },
    {
      name: '0.8 mg/m² on day 1 of a 21-day cycle: 6 cycles by default',
      regimen: EXAMPLES.bsaDay1,
      start: '2024-02-08',
      offsets: [0, 21, 42, 63, 84, 105],
      labels: [1, 2, 3, 4, 5, 6].map((c) => `Cycle ${c}, day 1`),
      rule: 'day 1 of a 21-day cycle',
      continues: true,
    },
    {
      name: '0.5 mg/m² on days 8 and 15: 2 cycles, the start being day 1 (over 29 February)',
      regimen: EXAMPLES.bsaDays8And15,
      start: '2024-02-08',
      options: { cycles: 2 },
      offsets: [7, 14, 28, 35],
      labels: ['Cycle 1, day 8', 'Cycle 1, day 15', 'Cycle 2, day 8', 'Cycle 2, day 15'],
      rule: 'days 8 and 15 of a 21-day cycle',
      continues: true,
    },
    {
      name: 'maintenance 800 mg every 14 days, with the missed-dose rule, over the new year',
      regimen: EXAMPLES.maintenance,
      start: '2025-12-10',
      options: { maxDates: 4 },
      offsets: [0, 14, 28, 42],
      labels: ['Dose 1', 'Dose 2', 'Dose 3', 'Dose 4'],
      rule: 'every 14 days',
      continues: true,
      missedDose: MISSED_RULE,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const a = ok(scheduleDates(c.regimen, c.start, c.options));
      assert.deepEqual(
        a.dates,
        c.offsets.map((o, i) => ({ date: naiveAddDays(c.start, o), label: c.labels[i] })),
      );
      assert.equal(a.rule, c.rule);
      assert.equal(a.continues, c.continues);
      assert.equal(a.missedDose, c.missedDose ?? null);
      assert.deepEqual(a.source, c.regimen.source);
    });
  }

  test('spot dates, written out', () => {
    assert.deepEqual(
      ok(scheduleDates(EXAMPLES.bsaDays8And15, '2024-02-08', { cycles: 1 })).dates.map((d) => d.date),
      ['2024-02-15', '2024-02-22'],
    );
    assert.deepEqual(
      ok(scheduleDates(EXAMPLES.maintenance, '2025-12-25', { maxDates: 3 })).dates.map((d) => d.date),
      ['2025-12-25', '2026-01-08', '2026-01-22'],
    );
    assert.deepEqual(
      ok(scheduleDates(EXAMPLES.weightInduction, '2025-03-01', { maxDates: 2 })).dates.map((d) => d.date),
      ['2025-03-01', '2025-03-15'],
    );
  });

  test('the loading dose is given once: no schedule', () => {
    assert.deepEqual(scheduleDates(EXAMPLES.loading, '2025-01-01'), {
      ok: false,
      code: 'single-dose',
      message: 'This dose is given once, so there is no schedule of dates to work out.',
    });
  });

  test('three times a week without named days: refused, not guessed', () => {
    for (const r of [EXAMPLES.escalationStart, EXAMPLES.escalationMiddle, EXAMPLES.escalationTarget]) {
      assert.deepEqual(scheduleDates(r, '2025-01-06'), {
        ok: false,
        code: 'no-fixed-weekdays',
        message: 'The text gives the dose 3 times a week but does not fix the days, so no calendar is made up. Agree the days with the care team.',
      });
    }
  });
});

describe('other rules', () => {
  test('once a week is every 7 days', () => {
    const a = ok(scheduleDates(regimen({ amount: 10, timesPerWeek: 1, durationWeeks: 4 }), '2025-10-27'));
    assert.equal(a.rule, 'once a week (every 7 days) for 4 weeks');
    assert.deepEqual(a.dates.map((d) => d.date), ['2025-10-27', '2025-11-03', '2025-11-10', '2025-11-17']);
    assert.equal(a.continues, false);
  });

  test('a duration in days ends the interval (the dose on the last day is the last)', () => {
    const a = ok(scheduleDates(regimen({ amount: 10, everyDays: 3, durationDays: 10 }), '2025-01-01'));
    assert.deepEqual(a.dates.map((d) => d.date), ['2025-01-01', '2025-01-04', '2025-01-07', '2025-01-10']);
    assert.equal(a.rule, 'every 3 days for 10 days');
  });

  test('a duration that ends with a cycle: nothing follows', () => {
    const a = ok(scheduleDates(regimen({ amount: 75, per: 'm2', cycleDays: 21, days: [1, 8, 15], durationWeeks: 6 }), '2025-01-01'));
    assert.equal(a.dates.length, 6);
    assert.equal(a.dates.at(-1)?.label, 'Cycle 2, day 15');
    assert.equal(a.continues, false);
    assert.equal(a.rule, 'days 1, 8 and 15 of a 21-day cycle for 6 weeks');
  });

  test('days of treatment without a cycle: once', () => {
    const a = ok(scheduleDates(regimen({ amount: 1000, days: [15, 1] }), '2025-01-01'));
    assert.deepEqual(a.dates, [
      { date: '2025-01-01', label: 'Day 1' },
      { date: '2025-01-15', label: 'Day 15' },
    ]);
    assert.equal(a.rule, 'days 1 and 15 of treatment');
    assert.equal(a.continues, false);
  });

  test('a long duration is given in full, up to the limit', () => {
    const a = ok(scheduleDates(regimen({ amount: 10, everyDays: 7, durationWeeks: 52 }), '2025-01-01'));
    assert.equal(a.dates.length, 52);
    const daily = ok(scheduleDates(regimen({ amount: 10, everyDays: 2, durationWeeks: 200 }), '2025-01-01'));
    assert.equal(daily.dates.length, SCHEDULE_LIMITS.maxDates);
    assert.equal(daily.continues, true);
  });

  test('property: every interval date is the naive calendar date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 1, max: 40 }),
        (day, every, maxDates) => {
          const start = day.toISOString().slice(0, 10);
          const a = ok(scheduleDates(regimen({ amount: 10, everyDays: every }), start, { maxDates }));
          assert.equal(a.dates.length, maxDates);
          a.dates.forEach((d, k) => assert.equal(d.date, naiveAddDays(start, k * every)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('refusals', () => {
  const cases: { name: string; regimen: Regimen; start?: string; options?: ScheduleOptions; code: ScheduleRefusalCode; message?: string }[] = [
    {
      name: 'twice daily',
      regimen: regimen({ amount: 500, timesPerDay: 2, durationDays: 7 }),
      code: 'daily',
      message: 'This dose is taken twice a day for 7 days, so a calendar of every day would not help. Take it as the text says.',
    },
    { name: 'once daily', regimen: regimen({ amount: 5, timesPerDay: 1 }), code: 'daily', message: 'This dose is taken every day, so a calendar of every day would not help. Take it as the text says.' },
    { name: 'every 1 day', regimen: regimen({ amount: 5, everyDays: 1 }), code: 'daily' },
    { name: 'twice a week', regimen: regimen({ amount: 5, timesPerWeek: 2 }), code: 'no-fixed-weekdays' },
    {
      name: 'a cycle without its days',
      regimen: regimen({ amount: 75, per: 'm2', cycleDays: 28 }),
      code: 'cycle-days-missing',
      message: 'The text gives a 28-day cycle but not the days of the cycle the dose is given on, so no dates are worked out. Read the dosing section, or ask the care team.',
    },
    { name: 'a day past the cycle', regimen: regimen({ amount: 75, per: 'm2', cycleDays: 21, days: [1, 22] }), code: 'not-schedulable' },
    { name: 'every 3.5 days', regimen: regimen({ amount: 5, everyDays: 3.5 }), code: 'not-schedulable' },
    {
      name: 'no interval or cycle',
      regimen: regimen({ amount: 5 }),
      code: 'no-schedule',
      message: 'The text does not say how often this dose is given (no interval or cycle), so no dates are worked out.',
    },
    { name: 'a single dose', regimen: EXAMPLES.loading, code: 'single-dose' },
    ...['2025-02-29', '2025-13-01', '2025-00-10', '2025-01-32', '25-01-01', '2025-1-1', '', ' 2025-01-01', '2025-01-01T00:00', '0099-01-01', '3000-01-01', '२०२५-०१-०१'].map(
      (start) => ({ name: `start "${start}"`, regimen: EXAMPLES.maintenance, start, code: 'invalid-start' as const }),
    ),
    { name: '0 cycles', regimen: EXAMPLES.bsaDay1, options: { cycles: 0 }, code: 'invalid-options' },
    { name: '53 cycles', regimen: EXAMPLES.bsaDay1, options: { cycles: 53 }, code: 'invalid-options' },
    { name: '1.5 cycles', regimen: EXAMPLES.bsaDay1, options: { cycles: 1.5 }, code: 'invalid-options' },
    { name: '0 dates', regimen: EXAMPLES.maintenance, options: { maxDates: 0 }, code: 'invalid-options' },
    { name: '367 dates', regimen: EXAMPLES.maintenance, options: { maxDates: 367 }, code: 'invalid-options' },
    { name: 'NaN dates', regimen: EXAMPLES.maintenance, options: { maxDates: Number.NaN }, code: 'invalid-options' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const a = scheduleDates(c.regimen, c.start ?? '2025-01-01', c.options);
      assert.equal(a.ok, false);
      if (a.ok) return;
      assert.equal(a.code, c.code);
      if (c.message !== undefined) assert.equal(a.message, c.message);
    });
  }

  test('the start date is named in its refusal', () => {
    const a = scheduleDates(EXAMPLES.maintenance, '2025-02-29');
    assert.equal(a.ok ? null : a.message, 'The start date "2025-02-29" is not a date this calendar can use. Give it as YYYY-MM-DD (for example 2025-03-03), a real date between 1900 and 2999.');
  });

  test('every refusal code is reachable', () => {
    assert.deepEqual([...new Set(cases.map((c) => c.code))].sort(), [...SCHEDULE_REFUSAL_CODES].sort());
  });

  test('leap days are accepted', () => {
    assert.equal(ok(scheduleDates(EXAMPLES.maintenance, '2024-02-29', { maxDates: 1 })).dates[0]?.date, '2024-02-29');
    assert.equal(scheduleDates(EXAMPLES.maintenance, '1900-02-29').ok, false);
    assert.equal(scheduleDates(EXAMPLES.maintenance, '2000-02-29').ok, true);
  });
});

describe('toIcs', () => {
  // A source sentence with every character TEXT escapes, and long enough to fold; a multi-byte title.
  const tricky = regimen(
    {
      amount: 800,
      phase: 'maintenance',
      everyDays: 14,
      conditions: ['if a dose is missed by more than 3 days, repeat the loading dose; see C:\\notes', 'if required'],
    },
    'Loading dose 2 g, then 800 mg every 14 days; if a maintenance dose is missed by more than 3 days, repeat the loading dose.\nSee the table: a\\b.',
    30,
  );
  const answer = ok(scheduleDates(tricky, '2025-03-03', { maxDates: 3 }));
  const options = { title: 'Ëxamplumab 800 mg — maintenance (µg/m² ⚕️ test)', url: 'https://example.org/drugs/examplumab/?a=1&b=2', uidBase: 'example.org/drugs/examplumab/regimen-1' };
  const ics = toIcs(answer, { ...options, now: new Date('2025-01-02T03:04:05.678Z') });

  function events(text: string): ICAL.Event[] {
    const calendar = new ICAL.Component(ICAL.parse(text));
    assert.equal(calendar.name, 'vcalendar');
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  }

  test('one all-day event per date, ending the next day', () => {
    const evs = events(ics);
    assert.deepEqual(
      evs.map((e) => [e.startDate.isDate, e.startDate.toString(), e.endDate.isDate, e.endDate.toString()]),
      [
        [true, '2025-03-03', true, '2025-03-04'],
        [true, '2025-03-17', true, '2025-03-18'],
        [true, '2025-03-31', true, '2025-04-01'],
      ],
    );
  });

  test('summaries, descriptions, URL and DTSTAMP survive escaping and folding', () => {
    const evs = events(ics);
    assert.deepEqual(
      evs.map((e) => e.summary),
      answer.dates.map((d) => `${options.title}: ${d.label}`),
    );
    for (const [i, e] of evs.entries()) {
      const label = answer.dates[i]?.label ?? '';
      assert.equal(
        e.description,
        [
          `${label} of ${options.title}. Schedule: every 14 days.`,
          'Missed dose: if a dose is missed by more than 3 days, repeat the loading dose; see C:\\notes',
          `From the text: "${tricky.source.text}" (content/examplumab.md, line 30).`,
          'Worked out from the medicine text, not medical advice: follow the prescriber.',
          options.url,
        ].join('\n'),
      );
      assert.equal(e.component.getFirstPropertyValue('url'), options.url);
      assert.equal(String(e.component.getFirstPropertyValue('dtstamp')), '2025-01-02T03:04:05Z');
    }
  });

  test('UIDs are unique and stable (the same on another day)', () => {
    const uids = events(ics).map((e) => e.uid);
    assert.equal(new Set(uids).size, uids.length);
    assert.deepEqual(events(toIcs(answer, { ...options, now: new Date('2030-06-07T00:00:00Z') })).map((e) => e.uid), uids);
    assert.equal(uids[0], 'example.org/drugs/examplumab/regimen-1-20250303');
  });

  test('CRLF line endings, lines of at most 75 octets, folded only at character boundaries', () => {
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.doesNotMatch(ics, /[^\r]\n/, 'a bare LF');
    assert.doesNotMatch(ics, /\r(?!\n)/, 'a bare CR');
    const lines = ics.slice(0, -2).split('\r\n');
    for (const line of lines) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line, 'utf8')} octets: ${line}`);
    assert.ok(lines.some((l) => l.startsWith(' ')), 'something was folded');
    assert.ok(!ics.includes('\uFFFD'));
    // Unfolding gives back the long lines (RFC 5545 §3.1).
    const unfolded = ics.replace(/\r\n /g, '');
    assert.ok(unfolded.includes(`SUMMARY:${options.title.replace(/,/g, '\\,')}: Dose 1\r\n`));
  });

  test('text escaping: backslash, semicolon, comma, newline', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    assert.ok(unfolded.includes('see C:\\\\notes'));
    assert.ok(unfolded.includes('800 mg every 14 days\\; if a maintenance dose'));
    assert.ok(unfolded.includes('Loading dose 2 g\\, then'));
    assert.ok(unfolded.includes('repeat the loading dose.\\nSee the table: a\\\\b.'));
  });

  test('no missed-dose rule: no line for it', () => {
    const plain = ok(scheduleDates(EXAMPLES.weightInduction, '2025-01-06'));
    const evs = events(toIcs(plain, options));
    assert.equal(evs.length, 6);
    assert.doesNotMatch(evs[0]?.description ?? '', /Missed dose/);
    assert.match(evs[0]?.description ?? '', /Schedule: every 14 days for 12 weeks\./);
  });

  test('a line break in the URL or UID base is refused', () => {
    assert.throws(() => toIcs(answer, { ...options, url: 'https://example.org/\r\nX-EVIL:1' }), /url has a control character/);
    assert.throws(() => toIcs(answer, { ...options, uidBase: 'a\nb' }), /uidBase has a control character/);
  });
});
