/** The export content: CSV escaping and formula neutralisation, JSON shape, department and day filters. */
import { describe, expect, it } from 'vitest';
import { csvField, csvTable } from '../../../../bot/data-care/csv.js';
import {
  buildCsvExport,
  buildJsonExport,
  CSV_COLUMNS,
  type ExportInput,
  localDay,
} from '../../../../bot/data-care/export-builder.js';
import type { AuditEvent } from '../../../../storage/store.js';
import { assessment, PEOPLE } from './data-care-world.js';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('escapes %j as RFC 4180 asks', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('neutralises the formula %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers as they are and missing values as empty', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(undefined)).toBe('');
    expect(csvTable(['a', 'b'], [[1, undefined]])).toBe('a,b\r\n1,\r\n');
  });
});

const decided = assessment({
  id: 'a-decided',
  title: '=cmd|" /C calc"!A0',
  decision: { value: 'proceed', comment: 'Fine, go ahead', by: PEOPLE.alex, at: '2026-03-05T12:00:00.000Z' },
});
const meb = assessment({ id: 'a-meb', departmentId: 'meb', submittedAt: '2026-04-01T08:00:00.000Z' });
// 23:30 UTC on 31 March is 1 April in Stockholm (CEST, UTC+2).
const lateMarch = assessment({ id: 'a-late', submittedAt: '2026-03-31T23:30:00.000Z' });
const audit: AuditEvent[] = [
  {
    id: 'e1',
    at: '2026-03-02T10:00:00.000Z',
    actor: 'teams:x',
    action: 'assessment.submitted',
    subject: 'a-decided',
  },
  {
    id: 'e2',
    at: '2026-04-01T08:00:00.000Z',
    actor: 'teams:y',
    action: 'assessment.submitted',
    subject: 'a-meb',
  },
  { id: 'e3', at: '2026-03-03T08:00:00.000Z', actor: 'teams:z', action: 'link.created', subject: 'gph' },
];

function input(filter: ExportInput['filter'] = {}): ExportInput {
  return {
    organisation: { name: 'Example University', timezone: 'Europe/Stockholm' },
    filter,
    generatedAt: '2026-11-20T09:00:00.000Z',
    assessments: [decided, lateMarch, meb],
    audit,
  };
}

describe('buildCsvExport', () => {
  it('writes one row per assessment with the decision, neutralising a formula title', () => {
    const lines = buildCsvExport(input()).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(lines[1]).toContain('proceed,Alex Wilber,teams:00000000-0000-0000-0000-0000000000020');
    expect(lines[1]).toContain('"Fine, go ahead"');
    expect(lines[1]).toContain('Partner University,CN,research,planned');
    expect(lines[1]).toMatch(/,riskcheck_default@[\d.]+$/);
  });

  it('filters by department and by day in the organisation time zone', () => {
    const gph = buildCsvExport(input({ departmentId: 'gph' }));
    expect(gph).toContain('a-decided');
    expect(gph).not.toContain('a-meb');
    const april = buildCsvExport(input({ from: '2026-04-01', to: '2026-04-30' }));
    expect(april).toContain('a-late');
    expect(april).toContain('a-meb');
    expect(april).not.toContain('a-decided');
    const march = buildCsvExport(input({ to: '2026-03-31' }));
    expect(march).not.toContain('a-late');
  });
});

describe('buildJsonExport', () => {
  it('holds the filter, the assessments, their decisions and the audit events in range', () => {
    const doc = JSON.parse(buildJsonExport(input({ departmentId: 'gph', to: '2026-03-31' })));
    expect(doc).toMatchObject({
      generatedAt: '2026-11-20T09:00:00.000Z',
      organisation: 'Example University',
      filter: { departmentId: 'gph', to: '2026-03-31' },
    });
    expect(doc.assessments.map((a: { id: string }) => a.id)).toEqual(['a-decided']);
    expect(doc.assessments[0].submitter).toEqual({
      key: `teams:${PEOPLE.lynne.userId}`,
      displayName: 'Lynne Robbins',
    });
    expect(doc.decisions).toEqual([
      {
        assessmentId: 'a-decided',
        value: 'proceed',
        comment: 'Fine, go ahead',
        by: { key: `teams:${PEOPLE.alex.userId}`, displayName: 'Alex Wilber' },
        at: '2026-03-05T12:00:00.000Z',
      },
    ]);
    // The department's own events and those about its assessments; not meb's.
    expect(doc.audit.map((e: AuditEvent) => e.id)).toEqual(['e1', 'e3']);
  });
});

describe('localDay', () => {
  it('is the calendar day where the organisation is', () => {
    expect(localDay('2026-03-31T23:30:00.000Z', 'Europe/Stockholm')).toBe('2026-04-01');
    expect(localDay('2026-03-31T21:30:00.000Z', 'Europe/Stockholm')).toBe('2026-03-31');
  });
});
