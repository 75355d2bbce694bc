/**
 * The in-memory index of a cold journal keeps its values by column (storage/journal/columns.ts,
 * cold-index.ts, assessment-summary-columns.ts): what goes in must come out exactly, a slot
 * reused for another record must not leak the old one's values, and a write that finishes after a
 * newer save must not overwrite the newer place.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssessmentSummary } from '../../../dialogs/assessment-summary.js';
import { summariseAssessment } from '../../../dialogs/assessment-summary.js';
import { AssessmentSummaryColumns } from '../../../storage/journal/assessment-summary-columns.js';
import { ColdIndex } from '../../../storage/journal/cold-index.js';
import { DictColumn, isIsoOf, TextColumn, TimeColumn } from '../../../storage/journal/columns.js';
import { buildAssessment } from './records.js';

describe('DictColumn', () => {
  it('gives back what each slot holds, and undefined for slots never set or cleared', () => {
    const column = new DictColumn();
    column.set(0, 'gph');
    column.set(1, 'meb');
    column.set(5, 'gph');
    expect([0, 1, 2, 5, 99].map((slot) => column.get(slot))).toEqual([
      'gph',
      'meb',
      undefined,
      'gph',
      undefined,
    ]);
    column.set(1, undefined);
    expect(column.get(1)).toBeUndefined();
  });

  it('forgets a value once no slot holds it (an erased person is not kept) and reuses its code', () => {
    const column = new DictColumn();
    column.set(0, 'teams:alice');
    column.set(1, 'teams:alice');
    const alice = column.codeOf('teams:alice');
    expect(alice).toBeGreaterThan(0);
    column.set(0, 'teams:bob');
    expect(column.codeOf('teams:alice')).toBe(alice);
    column.set(1, undefined);
    expect(column.codeOf('teams:alice')).toBe(0);
    column.set(2, 'teams:carol');
    expect(column.codeOf('teams:carol')).toBe(alice);
    expect([column.get(0), column.get(1), column.get(2)]).toEqual(['teams:bob', undefined, 'teams:carol']);
  });
});

describe('TimeColumn', () => {
  it('keeps ISO timestamps as numbers and anything else verbatim, so every value comes back as written', () => {
    const column = new TimeColumn();
    const values = ['2026-11-22T08:15:00.000Z', '2026-11-22T08:15:00Z', '22 Nov 2026', '', undefined];
    for (const [slot, value] of values.entries()) column.set(slot, value);
    expect(values.map((_, slot) => column.get(slot))).toEqual(values);
    column.set(1, '2027-01-01T00:00:00.000Z');
    column.set(0, undefined);
    expect([column.get(0), column.get(1)]).toEqual([undefined, '2027-01-01T00:00:00.000Z']);
  });
});

describe('isIsoOf (the TimeColumn shortcut for toISOString)', () => {
  const oracle = (value: string) => {
    const millis = Date.parse(value);
    return Number.isFinite(millis) && new Date(millis).toISOString() === value;
  };
  const check = (value: string) => {
    const millis = Date.parse(value);
    return Number.isFinite(millis) && isIsoOf(value, millis);
  };

  it('agrees with toISOString on the dates it rolls over and on other shapes', () => {
    for (const value of [
      '2025-02-28T23:59:59.999Z',
      '2024-02-29T00:00:00.000Z',
      '2025-02-29T00:00:00.000Z',
      '2025-02-30T00:00:00.000Z',
      '2025-04-31T10:00:00.000Z',
      '2025-01-01T24:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2025-01-01T00:00:00Z',
      '2025-01-01T00:00:00.000+00:00',
      ' 2025-01-01T00:00:00.000Z',
      '2025-01-01T00:00:00,000Z',
    ])
      expect([value, check(value)]).toEqual([value, oracle(value)]);
  });

  it('agrees with toISOString on any timestamp-shaped string', () => {
    const digits = (n: number, max: number) =>
      fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    const near = fc
      .tuple(
        digits(4, 9999),
        digits(2, 19),
        digits(2, 39),
        digits(2, 29),
        digits(2, 69),
        digits(2, 69),
        digits(3, 999),
      )
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ maxLength: 30 })), (value) => check(value) === oracle(value)),
      { numRuns: 5000 },
    );
  });
});

describe('TextColumn', () => {
  it('holds distinct strings and unsets them', () => {
    const column = new TextColumn();
    column.set(3, 'malaria trial');
    column.set(0, 'genomics exchange');
    column.set(3, undefined);
    expect([column.get(0), column.get(3), column.get(7)]).toEqual([
      'genomics exchange',
      undefined,
      undefined,
    ]);
  });
});

describe('ColdIndex', () => {
  const place = (offset: number) => ({ generation: 'g1', offset, length: 10 });

  it('settles a pending line only while it is the latest save of that record', () => {
    const index = new ColdIndex();
    const first = index.putPending('a', 1, '{"put":1}');
    const second = index.putPending('a', 2, '{"put":2}');
    expect(index.settle(first, place(100))).toBe(false);
    expect(index.pendingLine(second.slot)).toBe('{"put":2}');
    expect(index.settle(second, place(200))).toBe(true);
    expect(index.placeOf(second.slot)).toEqual(place(200));
    expect(index.pendingLine(second.slot)).toBeUndefined();
    expect(index.versionOf('a')).toBe(2);
    expect(index.bytesOf(second.slot)).toBe(11);
  });

  it('does not settle a removed record, even when its slot was reused by another', () => {
    const index = new ColdIndex();
    const gone = index.putPending('a', 1, 'line a');
    index.remove('a');
    expect(index.settle(gone, place(100))).toBe(false);
    const reused = index.putPending('b', 1, 'line b');
    expect(reused.slot).toBe(gone.slot);
    expect(index.settle(gone, place(100))).toBe(false);
    expect(index.pendingLine(reused.slot)).toBe('line b');
    expect(index.versionOf('a')).toBeUndefined();
    expect([...index.entries()]).toEqual([['b', reused.slot]]);
  });

  it('names each rewrite of the file by its own generation', () => {
    const index = new ColdIndex();
    const a = index.putPlaced('a', 1, place(10));
    const b = index.putPlaced('b', 1, { generation: 'g2', offset: 20, length: 5 });
    expect(index.placeOf(a)?.generation).toBe('g1');
    expect(index.placeOf(b)).toEqual({ generation: 'g2', offset: 20, length: 5 });
  });
});

describe('AssessmentSummaryColumns', () => {
  const decided = summariseAssessment(
    buildAssessment({
      id: 'decided',
      version: 3,
      title: 'Genomics exchange',
      decision: {
        value: 'proceed_with_measures',
        at: '2026-03-02T10:00:00.000Z',
        by: { platform: 'teams', userId: 'head', displayName: 'Head' },
        comment: '',
      },
      answers: { stage: 'ongoing', end_date: '2027-06-30' },
      previousAssessmentId: 'earlier',
    }),
  );
  const plain = summariseAssessment(buildAssessment({ id: 'plain', departmentId: 'meb', answers: {} }));

  it('reads back every field of a summary, frozen, and nothing of the record its slot held before', () => {
    const columns = new AssessmentSummaryColumns();
    columns.write(0, decided);
    expect(columns.read(0, decided.id, decided.version)).toEqual(decided);
    expect(Object.isFrozen(columns.read(0, decided.id, decided.version).decision)).toBe(true);
    columns.clear(0);
    columns.write(0, plain);
    const read: AssessmentSummary = columns.read(0, plain.id, plain.version);
    expect(read).toEqual(plain);
    expect(Object.keys(read).sort()).toEqual(Object.keys(plain).sort());
    expect(Object.isFrozen(read)).toBe(true);
  });

  it('keeps whether a decision still has its comment, and forgets it when the slot is reused', () => {
    const commented = summariseAssessment(
      buildAssessment({
        id: 'commented',
        decision: {
          value: 'pause_review',
          at: '2026-03-02T10:00:00.000Z',
          by: { platform: 'teams', userId: 'head', displayName: 'Head' },
          comment: 'Ask export control first',
        },
      }),
    );
    expect(commented.decision?.hasComment).toBe(true);
    expect(decided.decision?.hasComment).toBe(false);
    const columns = new AssessmentSummaryColumns();
    columns.write(0, commented);
    expect(columns.read(0, commented.id, commented.version)).toEqual(commented);
    columns.clear(0);
    columns.write(0, decided);
    expect(columns.read(0, decided.id, decided.version).decision?.hasComment).toBe(false);
  });

  it('selects slots by department and submitter; a value nobody holds matches nothing', () => {
    const columns = new AssessmentSummaryColumns();
    columns.write(0, decided);
    columns.write(1, plain);
    const slots = (query: Parameters<AssessmentSummaryColumns['matcher']>[0]) =>
      [0, 1].filter(columns.matcher(query));
    expect(slots({})).toEqual([0, 1]);
    expect(slots({ departmentId: plain.departmentId })).toEqual([1]);
    expect(slots({ departmentId: decided.departmentId, submitterKey: decided.submitterKey })).toEqual([0]);
    expect(slots({ departmentId: 'nobody-here' })).toEqual([]);
    expect(slots({ submitterKey: 'slack:UNKNOWN' })).toEqual([]);
  });
});

describe('the snapshot form (dump, then restorer on empty columns)', () => {
  /** Through JSON, as the snapshot file holds it. */
  const onDisk = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

  const summaryArbitrary: fc.Arbitrary<AssessmentSummary> = fc
    .record({
      departmentId: fc.constantFrom('gph', 'meb', 'lime'),
      submitterKey: fc.constantFrom('teams:a', 'teams:b', 'slack:U1'),
      // Timestamps canonical (kept as numbers) or not (kept verbatim).
      submittedAt: fc.oneof(
        fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString()),
        fc.constant('2025-01-01T00:00:00Z'),
      ),
      title: fc.string(),
      level: fc.constantFrom('low', 'medium', 'high'),
      decision: fc.option(
        fc.record({
          value: fc.constantFrom('proceed', 'do_not_proceed'),
          at: fc.constantFrom('2026-03-02T10:00:00.000Z', 'early March'),
          byKey: fc.constantFrom('teams:head', 'slack:UHEAD'),
          hasComment: fc.boolean(),
        }),
        { nil: undefined },
      ),
      stage: fc.option(fc.constantFrom('planned', 'ongoing'), { nil: undefined }),
      endDate: fc.option(fc.constantFrom('2027-06-30', '2028-01-01'), { nil: undefined }),
      previousAssessmentId: fc.option(fc.constant('earlier'), { nil: undefined }),
    })
    .map((fields) => {
      const summary: Record<string, unknown> = { id: 'x', version: 1 };
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) summary[key] = value;
      return summary as unknown as AssessmentSummary;
    });

  it('gives back every summary and selects the same slots, whatever was written, cleared and reused before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(summaryArbitrary, fc.boolean()), { minLength: 1, maxLength: 30 }),
        (writes) => {
          const columns = new AssessmentSummaryColumns();
          const live: number[] = [];
          writes.forEach(([summary, cleared], slot) => {
            columns.write(slot, summary);
            if (cleared) columns.clear(slot);
            else live.push(slot);
          });
          const restored = new AssessmentSummaryColumns();
          const restore = restored.restorer(
            onDisk(columns.dump(live)) as Record<string, unknown>,
            live.length,
          );
          expect(restore).toBeDefined();
          restore?.();
          live.forEach((slot, position) => {
            expect(restored.read(position, 'x', 1)).toEqual(columns.read(slot, 'x', 1));
          });
          for (const departmentId of ['gph', 'meb', 'lime', 'none'])
            for (const submitterKey of [undefined, 'teams:a', 'slack:U1']) {
              const query = { departmentId, ...(submitterKey ? { submitterKey } : {}) };
              const before = live.filter(columns.matcher(query));
              const after = live.map((_, position) => position).filter(restored.matcher(query));
              expect(after.map((position) => live[position])).toEqual(before);
            }
        },
      ),
    );
  });

  it('drops a value only removed records held, and reuses its code', () => {
    const column = new DictColumn();
    column.set(0, 'gph');
    column.set(1, 'erased person');
    const restored = new DictColumn();
    // Slot 1 is no longer live (its record was removed): it is not dumped.
    restored.restorer(onDisk(column.dump([0])), 1)?.();
    expect(restored.get(0)).toBe('gph');
    expect(restored.codeOf('erased person')).toBe(0);
    restored.set(1, 'new');
    expect(restored.codeAt(1)).toBe(column.codeAt(1));
  });

  it('refuses a required column with a slot that has no value, and text of the wrong kind', () => {
    const column = new DictColumn();
    column.set(0, 'gph');
    column.set(1, undefined);
    expect(new DictColumn().restorer(onDisk(column.dump([0, 1])), 2, true)).toBeUndefined();
    expect(new DictColumn().restorer(onDisk(column.dump([0, 1])), 2)).toBeDefined();
    expect(new TextColumn().restorer(['a', 7], 2)).toBeUndefined();
    expect(new TimeColumn().restorer({ millis: [null], verbatim: [] }, 1, true)).toBeUndefined();
  });

  it('ColdIndex: dumps only when every latest line is placed in that generation, and restores ids in order', () => {
    const index = new ColdIndex();
    index.putPlaced('b', 2, { generation: 'g1', offset: 50, length: 7 });
    const a = index.putPlaced('a', 1, { generation: 'g1', offset: 10, length: 5 });
    expect(index.dump('g2')).toBeUndefined();
    index.putPending('c', 1, 'line c');
    expect(index.dump('g1')).toBeUndefined();
    index.remove('c');
    const dumped = index.dump('g1');
    expect(dumped?.slots).toEqual([0, a]);

    const restored = new ColdIndex();
    restored.restorer(onDisk(dumped?.columns) as Record<string, unknown>, 2, 'g1')?.();
    expect([...restored.entries()]).toEqual([
      ['b', 0],
      ['a', 1],
    ]);
    expect(restored.versionOf('b')).toBe(2);
    expect(restored.placeOf(1)).toEqual({ generation: 'g1', offset: 10, length: 5 });
    // New records get new slots; a save of a restored record is settled by its own stamp.
    const c = restored.putPending('c', 1, 'line c');
    expect(c.slot).toBe(2);
    const again = restored.putPending('a', 2, 'line a2');
    expect(restored.settle(again, { generation: 'g1', offset: 90, length: 7 })).toBe(true);
  });
});
