/** Cadence and calendar arithmetic across semester boundaries, DST changes and time zones. */
import { describe, expect, it } from 'vitest';
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
