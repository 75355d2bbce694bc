/** Cadence and calendar arithmetic across semester boundaries, DST changes and time zones. */
import { describe, expect, it, vi } from 'vitest';
import {
  addMonths,
  addWorkingDays,
  cronProblem,
  morningBefore,
  occurrencesAround,
  workingDaysBetween,
} from '../../../../bot/reminders/calendar.js';

const SEMESTERS = '0 9 * 2,9 MON#1';
const STOCKHOLM = 'Europe/Stockholm';

describe('occurrencesAround', () => {
  it.each([
    // Between semesters: the spring start is next, the autumn start was last.
    ['2026-11-21T12:00:00Z', '2026-09-07T07:00:00.000Z', '2027-02-01T08:00:00.000Z'],
    // Exactly at the spring start (09:00 CET = 08:00 UTC): it counts as the previous one.
    ['2027-02-01T08:00:00Z', '2027-02-01T08:00:00.000Z', '2027-09-06T07:00:00.000Z'],
    // One minute before it: still the autumn start.
    ['2027-02-01T07:59:00Z', '2026-09-07T07:00:00.000Z', '2027-02-01T08:00:00.000Z'],
    // Across the summer-time change in March: autumn start at 09:00 CEST = 07:00 UTC.
    ['2027-04-01T00:00:00Z', '2027-02-01T08:00:00.000Z', '2027-09-06T07:00:00.000Z'],
  ])('at %s the previous is %s and the next %s', (now, previous, next) => {
    const result = occurrencesAround(SEMESTERS, STOCKHOLM, new Date(now));
    expect(result.previous?.toISOString()).toBe(previous);
    expect(result.next?.toISOString()).toBe(next);
  });

  it('follows the time zone of the organisation', () => {
    const oslo = occurrencesAround('0 9 * 2,9 MON#1', 'Europe/Oslo', new Date('2026-12-01T00:00:00Z'));
    const helsinki = occurrencesAround(
      '0 9 * 2,9 MON#1',
      'Europe/Helsinki',
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(oslo.next?.toISOString()).toBe('2027-02-01T08:00:00.000Z');
    expect(helsinki.next?.toISOString()).toBe('2027-02-01T07:00:00.000Z');
  });

  it('reports unusable rules and time zones', () => {
    expect(cronProblem('every monday', STOCKHOLM)).toBeDefined();
    expect(cronProblem(SEMESTERS, 'Mars/Olympus')).toBeDefined();
    expect(cronProblem(SEMESTERS, STOCKHOLM)).toBeUndefined();
  });
});

describe('working days', () => {
  it.each([
    ['2026-11-20T09:00:00Z', 5, '2026-11-27T09:00:00.000Z'], // Friday + 5 = next Friday
    ['2026-11-21T09:00:00Z', 1, '2026-11-23T09:00:00.000Z'], // Saturday + 1 = Monday
    ['2026-11-23T09:00:00Z', 10, '2026-12-07T09:00:00.000Z'], // two weeks
  ])('%s + %i working days = %s', (start, days, expected) => {
    expect(addWorkingDays(new Date(start), days, STOCKHOLM).toISOString()).toBe(expected);
  });

  it('counts working days between two moments', () => {
    expect(
      workingDaysBetween(new Date('2026-11-20T09:00:00Z'), new Date('2026-11-27T09:00:00Z'), STOCKHOLM),
    ).toBe(5);
    expect(
      workingDaysBetween(new Date('2026-11-20T09:00:00Z'), new Date('2026-11-22T23:00:00Z'), STOCKHOLM),
    ).toBe(0);
  });
});

/** The definition the arithmetic must match: one 24-hour step at a time, weekday looked up in the zone. */
function stepwise(timezone: string) {
  const format = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: timezone });
  const working = (t: number) => !['Sat', 'Sun'].includes(format.format(new Date(t)));
  return {
    add(start: Date, days: number): string {
      let t = start.getTime();
      for (let left = days; left > 0; ) {
        t += DAY;
        if (working(t)) left--;
      }
      return new Date(t).toISOString();
    },
    between(start: Date, end: Date): number {
      let count = 0;
      for (let t = start.getTime() + DAY; t <= end.getTime(); t += DAY) if (working(t)) count++;
      return count;
    },
  };
}

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

describe('working days counted arithmetically', () => {
  // Half-hour, two-hour and no DST, both hemispheres, Samoa skipping 30 December 2011, and
  // Israel, whose summer time is not whole weeks (so a start near midnight must not be shortcut).
  it.each([
    ['Asia/Jerusalem', '2026-03-10T00:00:00Z'],
    [STOCKHOLM, '2026-03-20T00:00:00Z'],
    [STOCKHOLM, '2026-10-16T00:00:00Z'],
    ['America/New_York', '2026-10-30T00:00:00Z'],
    ['Australia/Lord_Howe', '2026-03-27T00:00:00Z'],
    ['Antarctica/Troll', '2026-03-20T00:00:00Z'],
    ['Asia/Kolkata', '2026-03-20T00:00:00Z'],
    ['Pacific/Apia', '2011-12-20T00:00:00Z'],
    ['UTC', '2026-02-20T00:00:00Z'],
  ])('match stepping one day at a time in %s around %s, at every hour of the day', (zone, around) => {
    const reference = stepwise(zone);
    const first = Date.parse(around);
    for (let t = first; t < first + 16 * DAY; t += 2 * HOUR + 7 * 60 * 1000) {
      const start = new Date(t);
      for (const days of [0, 1, 4, 5, 6, 10, 23]) {
        expect(addWorkingDays(start, days, zone).toISOString(), `${start.toISOString()} + ${days}`).toBe(
          reference.add(start, days),
        );
      }
      for (const span of [0, 0.5, 1, 6.9, 7, 15, 40.2, 365]) {
        const end = new Date(t + span * DAY);
        expect(workingDaysBetween(start, end, zone), `${start.toISOString()} .. ${span} days`).toBe(
          reference.between(start, end),
        );
      }
    }
  });

  it('counts years of waiting without a look-up per day, and nothing backwards', () => {
    const start = new Date('2020-01-06T09:00:00Z'); // a Monday
    const end = new Date('2026-11-20T09:00:00Z');
    const expected = stepwise(STOCKHOLM).between(start, end);
    // `format` is a getter on the prototype (it returns a bound function), typed as a method.
    const prototype = Intl.DateTimeFormat.prototype as unknown as { format: unknown };
    const lookups = [
      vi.spyOn(prototype, 'format', 'get'),
      vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts'),
    ];
    try {
      expect(workingDaysBetween(start, end, STOCKHOLM)).toBe(expected);
      expect(addWorkingDays(start, 1_000, STOCKHOLM).toISOString()).toBe('2023-11-06T09:00:00.000Z');
      // Two offsets each (start and last step), where stepping looked up every one of ~2,500 days.
      expect(lookups.reduce((sum, spy) => sum + spy.mock.calls.length, 0)).toBe(4);
    } finally {
      for (const spy of lookups) spy.mockRestore();
    }
    expect(workingDaysBetween(end, start, STOCKHOLM)).toBe(0);
  });
});

describe('dates', () => {
  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(addMonths(new Date('2027-01-31T10:00:00Z'), 1).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2026-11-20T09:00:00Z'), 12).toISOString()).toBe('2027-11-20T09:00:00.000Z');
  });

  it('finds 09:00 local time some days before a date, in winter and in summer', () => {
    expect(morningBefore('2027-06-30', 30, STOCKHOLM)?.toISOString()).toBe('2027-05-31T07:00:00.000Z');
    expect(morningBefore('2027-01-30', 0, STOCKHOLM)?.toISOString()).toBe('2027-01-30T08:00:00.000Z');
    expect(morningBefore('30 June', 0, STOCKHOLM)).toBeUndefined();
  });
});
