import type { Regimen, SourceRef } from './schema.js';

/**
 * The calendar dates of a regimen's doses from a start date, and the same as an iCalendar file.
 * Only what the text states is put on the calendar: an interval (`every 14 days`), the days of a
 * cycle (`days 1, 8 and 15 of a 21-day cycle`) or of treatment (`days 1 and 15`). A daily dose,
 * or "three times a week" without the days, is refused with a message rather than guessed.
 * Dates are UTC calendar days, so there is no time zone or daylight-saving arithmetic.
 */

export const SCHEDULE_LIMITS = {
  /** Dates of an interval regimen without a stated duration, unless `maxDates` is given. */
  defaultMaxDates: 12,
  /** Cycles of a cycle regimen, unless `cycles` is given. */
  defaultCycles: 6,
  /** The most dates one answer holds, and the largest `maxDates`. */
  maxDates: 366,
  /** The largest `cycles`. */
  maxCycles: 52,
  /** Years a start date may have. */
  minYear: 1900,
  maxYear: 2999,
} as const;

/** Why no dates were worked out. Stable names: a client may branch on them. */
export const SCHEDULE_REFUSAL_CODES = [
  'invalid-start',
  'invalid-options',
  'daily',
  'no-fixed-weekdays',
  'single-dose',
  'cycle-days-missing',
  'not-schedulable',
  'no-schedule',
] as const;
export type ScheduleRefusalCode = (typeof SCHEDULE_REFUSAL_CODES)[number];

export interface ScheduleOptions {
  /** Cycles of a cycle regimen (1–52; default 6). */
  cycles?: number | undefined;
  /** At most this many dates (1–366). Default: 12 for an interval without a stated duration, else all (up to 366). */
  maxDates?: number | undefined;
}

export interface ScheduleDate {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `Dose 3`, `Cycle 2, day 8`, `Day 15`. */
  label: string;
}

export interface ScheduleResult {
  ok: true;
  dates: ScheduleDate[];
  /** The rule the dates follow, for the reader: `every 14 days for 12 weeks`, `days 1, 8 and 15 of a 21-day cycle`. */
  rule: string;
  /** True when the regimen goes on after the last date (no stated end, or more than the dates asked for). */
  continues: boolean;
  /** The regimen's missed-dose rule as the text writes it, else null. */
  missedDose: string | null;
  source: SourceRef;
}

export interface ScheduleRefusal {
  ok: false;
  code: ScheduleRefusalCode;
  message: string;
}

export type ScheduleAnswer = ScheduleResult | ScheduleRefusal;

const DAY_MS = 86_400_000;

/**
 * The dates of a regimen's doses, the first on `start` (`YYYY-MM-DD`): an interval regimen every
 * `everyDays` up to its stated duration (else `maxDates`, default 12); a cycle regimen on its days
 * of each cycle for `cycles` cycles (default 6), stopping at a stated duration.
 *
 * @example scheduleDates(regimen, '2025-03-03').dates // [{ date: '2025-03-03', label: 'Dose 1' }, { date: '2025-03-17', label: 'Dose 2' }, …]
 */
export function scheduleDates(regimen: Regimen, start: string, options: ScheduleOptions = {}): ScheduleAnswer {
  const first = parseDate(start);
  if (first === null) {
    return refuse(
      'invalid-start',
      `The start date "${start}" is not a date this calendar can use. Give it as YYYY-MM-DD (for example 2025-03-03), a real date between ${SCHEDULE_LIMITS.minYear} and ${SCHEDULE_LIMITS.maxYear}.`,
    );
  }
  const badOptions = checkOptions(options);
  if (badOptions) return badOptions;

  const duration = durationOf(regimen);
  const forText = duration === null ? '' : ` for ${duration.text}`;
  const missedDose = missedDoseRule(regimen.conditions);
  const done = (dates: ScheduleDate[], rule: string, continues: boolean): ScheduleResult => ({ ok: true, dates, rule, continues, missedDose, source: regimen.source });
  const limit = options.maxDates ?? (duration === null ? SCHEDULE_LIMITS.defaultMaxDates : SCHEDULE_LIMITS.maxDates);

  if (regimen.cycleDays !== null) {
    const cycleDays = regimen.cycleDays;
    const days = uniqueSorted(regimen.days ?? []);
    if (days.length === 0) {
      return refuse(
        'cycle-days-missing',
        `The text gives a ${cycleDays}-day cycle but not the days of the cycle the dose is given on, so no dates are worked out. Read the dosing section, or ask the care team.`,
      );
    }
    const late = days.find((d) => d > cycleDays);
    if (late !== undefined) {
      return refuse('not-schedulable', `The text gives day ${late} of a ${cycleDays}-day cycle, which does not fit in the cycle, so no dates are worked out. Read the dosing section as written.`);
    }
    const cycles = options.cycles ?? SCHEDULE_LIMITS.defaultCycles;
    const dates: ScheduleDate[] = [];
    let continues: boolean | null = null;
    // Walk the cycles until the stated duration ends (nothing follows) or the cycles or dates asked for are shown.
    for (let c = 0; continues === null; c++) {
      for (const d of days) {
        const offset = c * cycleDays + d - 1;
        if (duration !== null && offset >= duration.days) continues = false;
        else if (c >= cycles || dates.length >= limit) continues = true;
        else dates.push({ date: addDays(first, offset), label: `Cycle ${c + 1}, day ${d}` });
        if (continues !== null) break;
      }
    }
    return done(dates, `${dayList(days)} of a ${cycleDays}-day cycle${forText}`, continues);
  }

  if (regimen.everyDays !== null) {
    const every = regimen.everyDays;
    if (every === 1) return refuseDaily(regimen, duration);
    if (!Number.isInteger(every)) {
      return refuse('not-schedulable', `The text gives a dose every ${every} days, which does not fall on whole calendar days, so no dates are worked out.`);
    }
    return interval(first, every, duration, limit, (dates, continues) => done(dates, `every ${every} days${forText}`, continues));
  }

  if (regimen.days !== null && regimen.days.length > 0) {
    const days = uniqueSorted(regimen.days);
    const dates: ScheduleDate[] = [];
    let continues = false;
    for (const d of days) {
      if (duration !== null && d - 1 >= duration.days) break;
      if (dates.length >= limit) {
        continues = true;
        break;
      }
      dates.push({ date: addDays(first, d - 1), label: `Day ${d}` });
    }
    return done(dates, `${dayList(days)} of treatment${forText}`, continues);
  }

  if (regimen.timesPerWeek !== null) {
    // Once a week is a fixed interval from the first dose; more often needs days the text must name.
    if (regimen.timesPerWeek === 1) {
      return interval(first, 7, duration, limit, (dates, continues) => done(dates, `once a week (every 7 days)${forText}`, continues));
    }
    return refuse(
      'no-fixed-weekdays',
      `The text gives the dose ${timesText(regimen.timesPerWeek)} a week but does not fix the days, so no calendar is made up. Agree the days with the care team.`,
    );
  }

  if (regimen.timesPerDay !== null) return refuseDaily(regimen, duration);

  if (regimen.single) {
    return refuse('single-dose', 'This dose is given once, so there is no schedule of dates to work out.');
  }

  return refuse('no-schedule', 'The text does not say how often this dose is given (no interval or cycle), so no dates are worked out.');
}

/** iCalendar options: `title` names the events, `url` links back to the page, `uidBase` makes stable event UIDs. */
export interface IcsOptions {
  /** Name of the events (`Drug X 800 mg`); the calendar is named after it too. */
  title: string;
  /** Absolute URL of the drug page. */
  url: string;
  /** Stable and unique per drug and regimen (`example.org/drugs/x/regimen-1`); each event's UID is `<uidBase>-<YYYYMMDD>`. */
  uidBase: string;
  /** The file's creation time (`DTSTAMP`); now when left out. */
  now?: Date | undefined;
}

/**
 * An RFC 5545 iCalendar file of a schedule: one all-day event per date, each describing the rule,
 * the missed-dose rule and the sentence it was read from. CRLF line endings, lines folded at 75
 * octets. Throws when `url` or `uidBase` holds a line break or control character (a programmer
 * error).
 *
 * @example toIcs(answer, { title: 'Drug X 800 mg', url: 'https://example.org/drugs/x/', uidBase: 'example.org/drugs/x/1' })
 */
export function toIcs(answer: ScheduleResult, options: IcsOptions): string {
  const control = /[\u0000-\u001f\u007f]/;
  if (control.test(options.url)) throw new Error(`toIcs: url has a control character: ${JSON.stringify(options.url)}`);
  if (control.test(options.uidBase)) throw new Error(`toIcs: uidBase has a control character: ${JSON.stringify(options.uidBase)}`);
  const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const description = (label: string): string =>
    [
      `${label} of ${options.title}. Schedule: ${answer.rule}.`,
      answer.missedDose === null ? null : `Missed dose: ${answer.missedDose}`,
      `From the text: "${answer.source.text}" (${answer.source.file}, line ${answer.source.line}).`,
      'Worked out from the medicine text, not medical advice: follow the prescriber.',
      options.url,
    ]
      .filter((line) => line !== null)
      .join('\n');

  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Formulary//Dose schedule//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.title)}`];
  for (const { date, label } of answer.dates) {
    const day = parseDate(date);
    if (day === null) throw new Error(`toIcs: not a date: "${date}"`);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(`${options.uidBase}-${compact(date)}`)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(date)}`,
      `DTEND;VALUE=DATE:${compact(addDays(day, 1))}`,
      `SUMMARY:${escapeText(`${options.title}: ${label}`)}`,
      `DESCRIPTION:${escapeText(description(label))}`,
      `URL:${options.url}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

// ---- helpers ------------------------------------------------------------------------------------

function refuse(code: ScheduleRefusalCode, message: string): ScheduleRefusal {
  return { ok: false, code, message };
}

function refuseDaily(regimen: Regimen, duration: { text: string } | null): ScheduleRefusal {
  const how = regimen.timesPerDay === null || regimen.timesPerDay === 1 ? 'every day' : `${timesText(regimen.timesPerDay)} a day`;
  const span = duration === null ? '' : ` for ${duration.text}`;
  return refuse('daily', `This dose is taken ${how}${span}, so a calendar of every day would not help. Take it as the text says.`);
}

function interval(
  first: number,
  every: number,
  duration: { days: number } | null,
  limit: number,
  done: (dates: ScheduleDate[], continues: boolean) => ScheduleResult,
): ScheduleResult {
  const dates: ScheduleDate[] = [];
  for (let k = 0; ; k++) {
    const offset = k * every;
    if (duration !== null && offset >= duration.days) return done(dates, false);
    if (dates.length >= limit) return done(dates, true);
    dates.push({ date: addDays(first, offset), label: `Dose ${k + 1}` });
  }
}

function checkOptions(options: ScheduleOptions): ScheduleRefusal | null {
  const { cycles, maxDates } = options;
  if (cycles !== undefined && !(Number.isInteger(cycles) && cycles >= 1 && cycles <= SCHEDULE_LIMITS.maxCycles)) {
    return refuse('invalid-options', `The number of cycles must be a whole number from 1 to ${SCHEDULE_LIMITS.maxCycles}.`);
  }
  if (maxDates !== undefined && !(Number.isInteger(maxDates) && maxDates >= 1 && maxDates <= SCHEDULE_LIMITS.maxDates)) {
    return refuse('invalid-options', `The number of dates must be a whole number from 1 to ${SCHEDULE_LIMITS.maxDates}.`);
  }
  return null;
}

/** The stated duration in days and as written (`12 weeks`), or null. Days win when both are given. */
function durationOf(regimen: Regimen): { days: number; text: string } | null {
  if (regimen.durationDays !== null) return { days: regimen.durationDays, text: plural(regimen.durationDays, 'day') };
  if (regimen.durationWeeks !== null) return { days: regimen.durationWeeks * 7, text: plural(regimen.durationWeeks, 'week') };
  return null;
}

/** The conditions that are missed-dose rules, as written. */
function missedDoseRule(conditions: readonly string[]): string | null {
  const rules = conditions.filter((c) => /\bmiss(?:ed|es|ing)?\b/i.test(c));
  return rules.length === 0 ? null : rules.join(' ');
}

/** Day number (days since 1970-01-01 UTC) of a `YYYY-MM-DD` date, or null when it is not a real date in range. */
function parseDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < SCHEDULE_LIMITS.minYear || y > SCHEDULE_LIMITS.maxYear) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

function addDays(day: number, offset: number): string {
  return new Date((day + offset) * DAY_MS).toISOString().slice(0, 10);
}

function compact(date: string): string {
  return date.replace(/-/g, '');
}

function uniqueSorted(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

/** `day 1`, `days 8 and 15`, `days 1, 8 and 15`. */
function dayList(days: readonly number[]): string {
  if (days.length === 1) return `day ${days[0]}`;
  return `days ${days.slice(0, -1).join(', ')} and ${days[days.length - 1]}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function timesText(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 §3.1: lines of at most 75 octets, continued after CRLF and a space; never inside a character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    const max = parts.length === 0 ? 75 : 74;
    if (octets + size > max) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Octets of one code point in UTF-8. */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}
