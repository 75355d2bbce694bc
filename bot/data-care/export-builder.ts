/**
 * What `riskcheck export` hands the International Office, as pure functions of the stored
 * records: filtered by department and by day in the organisation's time zone (assessments by
 * submittedAt, audit events by `at`), as one JSON document or one CSV of assessments.
 */
import type { Assessment } from '../../dialogs/assessment.js';
import type { Organisation } from '../../dialogs/organisation/schema.js';
import { CONTEXT_QUESTIONS } from '../../dialogs/questionnaire/context-questions.js';
import type { AnswerValue } from '../../dialogs/questionnaire/schema.js';
import { actorKey } from '../../dialogs/session.js';
import type { AuditEvent } from '../../storage/store.js';
import { csvTable } from './csv.js';

export interface ExportFilter {
  departmentId?: string;
  /** Inclusive days, YYYY-MM-DD, in the organisation's time zone. */
  from?: string;
  to?: string;
}

export interface ExportInput {
  organisation: Pick<Organisation, 'name' | 'timezone'>;
  filter: ExportFilter;
  generatedAt: string;
  /** Every assessment the store holds; the builder filters. */
  assessments: readonly Assessment[];
  audit: readonly AuditEvent[];
}

/** The calendar day of `iso` where the organisation is (a 23:30 UTC submission may be tomorrow). */
export function localDay(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

function inDays(iso: string, filter: ExportFilter, timeZone: string): boolean {
  if (filter.from === undefined && filter.to === undefined) return true;
  const day = localDay(iso, timeZone);
  return (filter.from === undefined || day >= filter.from) && (filter.to === undefined || day <= filter.to);
}

export function selectAssessments(input: ExportInput): Assessment[] {
  const { filter } = input;
  return input.assessments.filter(
    (a) =>
      (filter.departmentId === undefined || a.departmentId === filter.departmentId) &&
      inDays(a.submittedAt, filter, input.organisation.timezone),
  );
}

/**
 * Audit events in the days asked for; for one department, those about the department itself or
 * about any of its assessments (whatever their date), so its history is complete.
 */
export function selectAudit(input: ExportInput): AuditEvent[] {
  const { filter } = input;
  const about =
    filter.departmentId === undefined
      ? undefined
      : new Set([
          filter.departmentId,
          ...input.assessments.filter((a) => a.departmentId === filter.departmentId).map((a) => a.id),
        ]);
  return input.audit.filter(
    (e) => (about === undefined || about.has(e.subject)) && inDays(e.at, filter, input.organisation.timezone),
  );
}

const text = (value: AnswerValue | undefined): string | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value.join(';') : value;

function summary(a: Assessment) {
  return {
    id: a.id,
    departmentId: a.departmentId,
    title: a.title,
    partner: text(a.answers[CONTEXT_QUESTIONS.partnerName]),
    country: text(a.answers[CONTEXT_QUESTIONS.partnerCountry]),
    collaborationType: text(a.answers[CONTEXT_QUESTIONS.collaborationType]),
    stage: text(a.answers[CONTEXT_QUESTIONS.stage]),
    submittedAt: a.submittedAt,
    submitter: { key: actorKey(a.submitter), displayName: a.submitter.displayName },
    level: a.level,
    flags: a.triage.flags.map((f) => ({ ruleId: f.ruleId, title: f.title, severity: f.severity })),
    questionnaireId: a.questionnaireId,
    questionnaireVersion: a.questionnaireVersion,
    ...(a.previousAssessmentId ? { previousAssessmentId: a.previousAssessmentId } : {}),
    answers: a.answers,
  };
}

export function buildJsonExport(input: ExportInput): string {
  const assessments = selectAssessments(input);
  const document = {
    generatedAt: input.generatedAt,
    organisation: input.organisation.name,
    filter: input.filter,
    assessments: assessments.map(summary),
    decisions: assessments.flatMap((a) =>
      a.decision
        ? [
            {
              assessmentId: a.id,
              value: a.decision.value,
              comment: a.decision.comment,
              by: { key: actorKey(a.decision.by), displayName: a.decision.by.displayName },
              at: a.decision.at,
            },
          ]
        : [],
    ),
    audit: selectAudit(input),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  'id',
  'department',
  'title',
  'partner',
  'country',
  'collaboration type',
  'stage',
  'submitted at',
  'submitter',
  'submitter id',
  'level',
  'flags',
  'decision',
  'decided by',
  'decided by id',
  'decided at',
  'comment',
  'questionnaire version',
] as const;

export function buildCsvExport(input: ExportInput): string {
  const rows = selectAssessments(input).map((a) => {
    const s = summary(a);
    return [
      s.id,
      s.departmentId,
      s.title,
      s.partner,
      s.country,
      s.collaborationType,
      s.stage,
      s.submittedAt,
      s.submitter.displayName,
      s.submitter.key,
      s.level,
      s.flags.length,
      a.decision?.value,
      a.decision?.by.displayName,
      a.decision ? actorKey(a.decision.by) : undefined,
      a.decision?.at,
      a.decision?.comment,
      `${a.questionnaireId}@${a.questionnaireVersion}`,
    ];
  });
  return csvTable(CSV_COLUMNS, rows);
}
