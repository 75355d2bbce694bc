/** Hand-built reminder view fixtures for the Adaptive Card and Block Kit tests (see view-fixtures.ts). */
import type {
  DiscussionReminderView,
  PendingDecisionReminderView,
  ReassessmentReminderView,
  UpcomingRemindersView,
} from '../../../../dialogs/views/view-model.js';
import { supportFunctions } from './outcome-fixtures.js';

export const discussionReminder: DiscussionReminderView = {
  kind: 'discussionReminder',
  reminderId: 'discussion:gph:2027-02-01T08:00:00.000Z',
  departmentId: 'gph',
  departmentName: 'Global Public Health',
  followUp: false,
  lastDiscussedOn: '2026-09-14',
  guide: [
    'Which international collaborations, visits or recruitments are planned or ongoing in the department?',
    'Did any assessment since the last discussion raise concerns, and were the measures carried out?',
    'Is everyone aware of the support functions and when to involve them?',
  ],
  assessmentCount: 5,
  byLevel: [
    { label: 'Low', count: 2 },
    { label: 'Elevated', count: 1 },
    { label: 'High', count: 2 },
    { label: 'Escalate to management', count: 0 },
  ],
  byDecision: [
    { label: 'Proceed', count: 2 },
    { label: 'Proceed with measures', count: 2 },
    { label: 'Waiting for a decision', count: 1 },
  ],
  pending: [
    {
      assessmentId: 'asm_2026_0042',
      title: 'Water quality field study with Example University',
      submittedAt: '2026-11-21T14:05:09Z',
      levelLabel: 'High',
    },
  ],
  support: supportFunctions.slice(0, 2),
};

/** The follow-up: nothing recorded within the grace period, no earlier discussion at all. */
export const discussionFollowUp: DiscussionReminderView = {
  ...discussionReminder,
  reminderId: 'discussionFollowUp:gph:2027-03-03T08:00:00.000Z',
  followUp: true,
  lastDiscussedOn: undefined,
  assessmentCount: 0,
  byLevel: [],
  byDecision: [],
  pending: [],
  support: [],
};

/** After "We discussed this": the card shows who recorded it instead of the form. */
export const discussionRecorded: DiscussionReminderView = {
  ...discussionFollowUp,
  recorded: {
    byName: 'Kim Berg',
    heldOn: '2027-02-10',
    note: 'Went through the two field studies; the export control office joins the next meeting.',
    at: '2027-02-11T09:12:00Z',
  },
};

export const reassessmentReminder: ReassessmentReminderView = {
  kind: 'reassessmentReminder',
  assessmentId: 'asm_2026_0042',
  title: 'Water quality field study with Example University',
  partner: 'Example University of Technology',
  departmentName: 'Global Public Health',
  submittedAt: '2026-11-21T14:05:09Z',
  levelLabel: 'High',
  reason: 'interval',
};

export const reassessmentEndingSoon: ReassessmentReminderView = {
  ...reassessmentReminder,
  reason: 'endingSoon',
  endDate: '2027-06-30',
};

export const pendingDecisionReminder: PendingDecisionReminderView = {
  kind: 'pendingDecisionReminder',
  escalation: false,
  departmentName: 'Global Public Health',
  assessmentId: 'asm_2026_0042',
  title: 'Water quality field study with Example University',
  submitterName: 'Alex Andersson',
  submittedAt: '2026-11-21T14:05:09Z',
  levelLabel: 'High',
  workingDaysWaiting: 5,
  deciders: ['Kim Berg', 'Sam Lindqvist'],
};

export const pendingDecisionEscalation: PendingDecisionReminderView = {
  ...pendingDecisionReminder,
  escalation: true,
  workingDaysWaiting: 10,
  deciders: [],
};

export const upcomingReminders: UpcomingRemindersView = {
  kind: 'upcomingReminders',
  departmentName: 'Global Public Health',
  items: [
    {
      kindLabel: 'Discussion reminder',
      dueAt: '2027-02-01T08:00:00Z',
      subject: 'Global Public Health',
      statusLabel: 'Scheduled',
    },
    {
      kindLabel: 'Reassessment',
      dueAt: '2027-11-21T08:00:00Z',
      subject: 'Water quality field study with Example University',
      statusLabel: 'Scheduled',
    },
    {
      kindLabel: 'Decision reminder',
      dueAt: '2026-11-28T08:00:00Z',
      subject: 'Summer school in Nairobi',
      statusLabel: 'Retrying after a failed delivery',
    },
  ],
};

export const upcomingRemindersPaused: UpcomingRemindersView = {
  kind: 'upcomingReminders',
  departmentName: 'Physics',
  pausedReason: 'Reminders are snoozed until 2027-03-01 in the configuration.',
  items: [],
};
