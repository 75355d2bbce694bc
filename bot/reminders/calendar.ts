/**
 * Calendar arithmetic for reminders, in the organisation's time zone: cron occurrences (croner,
 * DST-aware), working days (Monday to Friday; public holidays are not known to the bot), months.
 */
import { Cron } from 'croner';

/** The latest occurrence at or before `now`, and the first one after it. */
export function occurrencesAround(
  cron: string,
  timezone: string,
  now: Date,
): { previous: Date | undefined; next: Date | undefined } {
  const job = new Cron(cron, { timezone, paused: true });
  // croner's previous runs are computed strictly before the reference; +1 ms makes "at now" count.
  const previous = job.previousRuns(1, new Date(now.getTime() + 1))[0];
  const next = job.nextRun(now) ?? undefined;
  job.stop();
  return { previous, next };
}

/** Validates a cron rule, returning a message for the config error if it is not usable. */
export function cronProblem(cron: string, timezone: string): string | undefined {
  try {
    const job = new Cron(cron, { timezone, paused: true });
    const next = job.nextRun();
    job.stop();
    return next ? undefined : 'the rule never fires';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * One formatter per zone: creating an Intl.DateTimeFormat costs far more than formatting with it,
 * and the step-by-step working-day count calls this once per day (the benchmark's first sweep
 * over 100 stored assessments took 28 s and 2.7 GB of RSS when it was created per call).
 */
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

function weekdayIn(date: Date, timezone: string): number {
  let format = weekdayFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: timezone });
    weekdayFormats.set(timezone, format);
  }
  const name = format.format(date);
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(name);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Working days step 24 hours at a time from the start instant (so across a DST change the local
 * time shifts by the change). Counted one step at a time, a pending decision waiting for a year
 * costs hundreds of time-zone look-ups, and the planner does this for every assessment. Instead,
 * when the start is this far from local midnight, no daylight-saving change (an hour almost
 * everywhere, two at most) can move a step onto another local day, so step k lands on local day
 * (start's day + k) and the count is arithmetic. Near midnight, or when the offset changes by
 * more than this between the first and last step (a zone changing sides of the date line), the
 * step-by-step count is used.
 */
const MIDNIGHT_MARGIN_MS = 3 * 60 * 60 * 1000;

/** `start` moved forward by `days` working days (same time of day; weekends skipped). */
export function addWorkingDays(start: Date, days: number, timezone: string): Date {
  const from = days > 0 ? startDay(start.getTime(), timezone) : undefined;
  if (from) {
    // Any 7 consecutive days hold 5 working days; the last (partial) week is at most 7 steps.
    const weeks = Math.floor((days - 1) / 5);
    let remaining = days - weeks * 5;
    let steps = weeks * 7;
    while (remaining > 0) {
      steps++;
      if (isWorkingDay(from.day + steps)) remaining--;
    }
    const result = start.getTime() + steps * DAY_MS;
    if (offsetStaysNear(from, result, timezone)) return new Date(result);
  }
  return addWorkingDaysStepwise(start, days, timezone);
}

/** Working days from `start` to `end` (whole days, weekends not counted). */
export function workingDaysBetween(start: Date, end: Date, timezone: string): number {
  const steps = Math.floor((end.getTime() - start.getTime()) / DAY_MS);
  if (!(steps > 0)) return 0; // also when a date is invalid, as the step-by-step count did
  const from = startDay(start.getTime(), timezone);
  if (!from || !offsetStaysNear(from, start.getTime() + steps * DAY_MS, timezone))
    return workingDaysBetweenStepwise(start, end, timezone);
  const weeks = Math.floor(steps / 7);
  let count = weeks * 5;
  for (let step = weeks * 7 + 1; step <= steps; step++) if (isWorkingDay(from.day + step)) count++;
  return count;
}

interface StartDay {
  /** Days since 1970-01-01 on the local calendar. */
  day: number;
  offset: number;
}

/** The local day of `time`, or undefined when it is too close to midnight for the arithmetic. */
function startDay(time: number, timezone: string): StartDay | undefined {
  const offset = offsetMs(new Date(time), timezone);
  const local = time + offset;
  const day = Math.floor(local / DAY_MS);
  const timeOfDay = local - day * DAY_MS;
  if (timeOfDay < MIDNIGHT_MARGIN_MS || timeOfDay >= DAY_MS - MIDNIGHT_MARGIN_MS) return undefined;
  return { day, offset };
}

function offsetStaysNear(from: StartDay, time: number, timezone: string): boolean {
  return Math.abs(offsetMs(new Date(time), timezone) - from.offset) <= MIDNIGHT_MARGIN_MS;
}

/** Monday to Friday; local day 0 (1970-01-01) was a Thursday. */
function isWorkingDay(localDay: number): boolean {
  const weekday = (((localDay + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

function addWorkingDaysStepwise(start: Date, days: number, timezone: string): Date {
  let current = new Date(start.getTime());
  let remaining = days;
  while (remaining > 0) {
    current = new Date(current.getTime() + DAY_MS);
    const weekday = weekdayIn(current, timezone);
    if (weekday !== 0 && weekday !== 6) remaining--;
  }
  return current;
}

function workingDaysBetweenStepwise(start: Date, end: Date, timezone: string): number {
  let count = 0;
  for (let t = start.getTime() + DAY_MS; t <= end.getTime(); t += DAY_MS) {
    const weekday = weekdayIn(new Date(t), timezone);
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

/** Calendar months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(start: Date, months: number): Date {
  const result = new Date(start.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** 09:00 in the time zone on a YYYY-MM-DD day, minus `daysBefore` days. */
export function morningBefore(day: string, daysBefore: number, timezone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const utcNine = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) - daysBefore, 9);
  // Shift by the zone's offset at that moment so it is 09:00 local, not 09:00 UTC.
  return new Date(utcNine - offsetMs(new Date(utcNine), timezone));
}

/** Cached per zone like the weekday formatter: the planner asks for every assessment. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetMs(date: Date, timezone: string): number {
  let format = offsetFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timezone, format);
  }
  const parts = format.formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}
