/**
 * Builders for the reminder cards: the semester discussion (with the department's assessments
 * since the last discussion), reassessment, pending decisions, and the upcoming-reminders list.
 */
import { type Assessment, DECISION_LABELS } from '../assessment.js';
import type { AssessmentSummary } from '../assessment-summary.js';
import type { Department, Organisation } from '../organisation/schema.js';
import { LEVELS } from '../questionnaire/schema.js';
import type { Discussion, Reminder } from '../reminders/reminder.js';
import { LEVEL_LABELS } from './level-labels.js';
import { supportLinkView } from './simple-views.js';
import type {
  DiscussionReminderView,
  PendingDecisionReminderView,
  ReassessmentReminderView,
  UpcomingRemindersView,
} from './view-model.js';

export const REMINDER_KIND_LABELS: Record<Reminder['kind'], string> = {
  discussion: 'Department discussion',
  discussionFollowUp: 'Discussion follow-up',
  reassessment: 'Reassessment',
  endingSoon: 'Collaboration ending',
  pendingNudge: 'Decision reminder',
  pendingEscalation: 'Decision escalation',
  outcomeDelivery: 'Outcome delivery (retrying)',
  decisionFollowUp: 'Decision notice (retrying)',
};

export function discussionReminderView(input: {
  organisation: Organisation;
  department: Department;
  reminder: Reminder;
  followUp: boolean;
  /** Summaries suffice (counts, titles, levels, decisions): the full history is never needed. */
  assessments: readonly AssessmentSummary[];
  discussions: readonly Discussion[];
  recorded?: Discussion;
}): DiscussionReminderView {
  const { organisation, department, reminder, discussions, recorded } = input;
  const last = [...discussions].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0];
  const since = last?.recordedAt ?? '';
  const recent = input.assessments.filter((a) => a.submittedAt > since);
  const pending = input.assessments.filter((a) => !a.decision);
  return {
    kind: 'discussionReminder',
    reminderId: reminder.id,
    departmentId: department.id,
    departmentName: department.name,
    followUp: input.followUp,
    ...(last ? { lastDiscussedOn: last.heldOn } : {}),
    guide: [...organisation.reminders.discussion.guide],
    assessmentCount: recent.length,
    byLevel: LEVELS.map((level) => ({
      label: LEVEL_LABELS[level],
      count: recent.filter((a) => a.level === level).length,
    })).filter((c) => c.count > 0),
    byDecision: [
      ...Object.entries(DECISION_LABELS).map(([value, label]) => ({
        label,
        count: recent.filter((a) => a.decision?.value === value).length,
      })),
      { label: 'Awaiting decision', count: recent.filter((a) => !a.decision).length },
    ].filter((c) => c.count > 0),
    pending: pending.map((a) => ({
      assessmentId: a.id,
      title: a.title,
      submittedAt: a.submittedAt,
      levelLabel: LEVEL_LABELS[a.level],
    })),
    support: organisation.supportFunctions.map((s) => supportLinkView(s, false)),
    ...(recorded
      ? {
          recorded: {
            byName: recorded.recordedBy.displayName,
            heldOn: recorded.heldOn,
            note: recorded.note,
            at: recorded.recordedAt,
          },
        }
      : {}),
  };
}

export function reassessmentReminderView(
  assessment: Assessment,
  department: Department | undefined,
  reason: 'interval' | 'endingSoon',
): ReassessmentReminderView {
  const partner = assessment.answers.partner_name;
  const endDate = assessment.answers.end_date;
  return {
    kind: 'reassessmentReminder',
    assessmentId: assessment.id,
    title: assessment.title,
    partner: typeof partner === 'string' ? partner : '',
    departmentName: department?.name ?? assessment.departmentId,
    submittedAt: assessment.submittedAt,
    levelLabel: LEVEL_LABELS[assessment.level],
    reason,
    ...(reason === 'endingSoon' && typeof endDate === 'string' ? { endDate } : {}),
  };
}

export function pendingDecisionReminderView(input: {
  assessment: Assessment;
  department: Department | undefined;
  escalation: boolean;
  workingDaysWaiting: number;
  deciders: readonly string[];
}): PendingDecisionReminderView {
  const { assessment } = input;
  return {
    kind: 'pendingDecisionReminder',
    escalation: input.escalation,
    departmentName: input.department?.name ?? assessment.departmentId,
    assessmentId: assessment.id,
    title: assessment.title,
    submitterName: assessment.submitter.displayName,
    submittedAt: assessment.submittedAt,
    levelLabel: LEVEL_LABELS[assessment.level],
    workingDaysWaiting: input.workingDaysWaiting,
    deciders: [...input.deciders],
  };
}

export function upcomingRemindersView(
  department: Department,
  reminders: readonly Reminder[],
  subjects: ReadonlyMap<string, string>,
  pausedReason?: string,
): UpcomingRemindersView {
  return {
    kind: 'upcomingReminders',
    departmentName: department.name,
    ...(pausedReason ? { pausedReason } : {}),
    items: [...reminders]
      .filter((r) => r.status === 'pending')
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .slice(0, 20)
      .map((r) => ({
        kindLabel: REMINDER_KIND_LABELS[r.kind],
        dueAt: r.dueAt,
        subject: (r.assessmentId && subjects.get(r.assessmentId)) || department.name,
        statusLabel:
          r.attempts > 0
            ? `retrying (${r.attempts} failed attempt${r.attempts === 1 ? '' : 's'})`
            : 'scheduled',
      })),
  };
}
