/** Test record builders for the store suites: minimal valid records of every stored type. */
import type { Assessment } from '../../../dialogs/assessment.js';
import type { Discussion, Reminder } from '../../../dialogs/reminders/reminder.js';
import type { Actor, DialogSession } from '../../../dialogs/session.js';
import type { TriageResult } from '../../../dialogs/triage/result.js';
import type { AuditEvent, ConversationLink } from '../../../storage/store.js';

export function buildActor(overrides: Partial<Actor> = {}): Actor {
  return { platform: 'teams', userId: 'aad-alice', displayName: 'Alice Example', ...overrides };
}

export function buildSession(overrides: Partial<DialogSession> = {}): DialogSession {
  return {
    id: 'session-1',
    owner: buildActor(),
    questionnaireId: 'riskcheck',
    questionnaireVersion: '1.0.0',
    status: 'in_progress',
    stepId: 'context',
    answers: { title: 'Joint lab with partner university' },
    returnToReview: false,
    createdAt: '2025-03-01T09:00:00.000Z',
    updatedAt: '2025-03-01T09:00:00.000Z',
    version: 0,
    ...overrides,
  };
}

export function buildTriage(overrides: Partial<TriageResult> = {}): TriageResult {
  return {
    level: 'low',
    areas: [{ area: 'partner', level: 'low', flagCount: 0 }],
    flags: [],
    routes: [],
    proportionality: { benefits: [], note: '' },
    ...overrides,
  };
}

export function buildAssessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: 'assessment-1',
    submitter: buildActor(),
    questionnaireId: 'riskcheck',
    questionnaireVersion: '1.0.0',
    answers: { title: 'Joint lab with partner university' },
    title: 'Joint lab with partner university',
    departmentId: 'gph',
    submittedAt: '2025-03-02T10:00:00.000Z',
    triage: buildTriage(),
    level: 'low',
    posts: [],
    version: 0,
    ...overrides,
  };
}

export function buildLink(overrides: Partial<ConversationLink> = {}): ConversationLink {
  return {
    key: 'dept:gph:teams',
    platform: 'teams',
    conversationId: '19:abc@thread.tacv2',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    tenantId: 'tenant-1',
    reference: { channelId: 'msteams' },
    linkedAt: '2025-03-01T08:00:00.000Z',
    ...overrides,
  };
}

export function buildAudit(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: 'audit-1',
    at: '2025-03-02T10:00:00.000Z',
    actor: 'teams:aad-alice',
    action: 'assessment.submitted',
    subject: 'assessment-1',
    details: { level: 'low' },
    ...overrides,
  };
}

export function buildReminder(overrides: Partial<Reminder> = {}): Reminder {
  return {
    id: 'discussion:gph:2025-03-03T08:00:00.000Z',
    kind: 'discussion',
    departmentId: 'gph',
    dueAt: '2025-03-03T08:00:00.000Z',
    status: 'pending',
    attempts: 0,
    posts: [],
    createdAt: '2025-03-01T00:00:00.000Z',
    version: 0,
    ...overrides,
  };
}

export function buildDiscussion(overrides: Partial<Discussion> = {}): Discussion {
  return {
    id: 'discussion-1',
    departmentId: 'gph',
    reminderId: 'discussion:gph:2025-03-03T08:00:00.000Z',
    heldOn: '2025-03-04',
    note: 'Discussed the partner list at the staff meeting.',
    recordedBy: { platform: 'teams', userId: 'aad-alice', displayName: 'Alice Example' },
    recordedAt: '2025-03-04T15:00:00.000Z',
    ...overrides,
  };
}
