/**
 * The store interface every implementation passes the contract suite for
 * (test/unit/storage/store-contract.ts). Hot state (dialogs in progress) and cold history
 * (submitted assessments, audit) are separate collections so saving one answer never rewrites
 * the university's whole history.
 */
import type { Assessment } from '../dialogs/assessment.js';
import type { AssessmentSummary } from '../dialogs/assessment-summary.js';
import type { Discussion, Reminder } from '../dialogs/reminders/reminder.js';
import type { DialogSession, Platform } from '../dialogs/session.js';

export type SaveResult<T> =
  | { kind: 'saved'; record: T }
  /** Someone else saved first: the caller re-reads and decides again. */
  | { kind: 'conflict'; current: T | undefined };

/** A platform conversation the bot can post into later (Teams conversation reference, Slack channel). */
export interface ConversationLink {
  /** e.g. `dept:gph:teams` for a department channel, `user:teams:<aad>` for a personal chat. */
  key: string;
  platform: Platform;
  conversationId: string;
  /** Teams only: the connector base URL the conversation lives on. */
  serviceUrl?: string;
  tenantId?: string;
  /** Teams only: extra reference fields (bot, user, channelId) needed by continueConversation. */
  reference?: Record<string, unknown>;
  linkedBy?: string;
  linkedAt: string;
}

export interface AuditEvent {
  id: string;
  at: string;
  /** actorKey of who acted, or `system`. */
  actor: string;
  action: string;
  /** What it acted on, e.g. an assessment id or a department id. */
  subject: string;
  /** Short, already-sanitised details; never whole payloads. */
  details?: Record<string, string | number | boolean>;
}

/**
 * When an appended audit event counts as stored. 'on-disk': fsynced before it resolves, like an
 * assessment or a decision. 'like-sessions': as durable as a dialog session's save (the lowdb
 * store's answer sync interval: written before it resolves, which survives a crash of the process,
 * and fsynced within the interval, so a power loss may lose that last interval): for events about
 * a dialog in progress, which is itself kept no better, so starting one does not wait for the
 * disk (docs/benchmarks.md, finding 18).
 */
export type AuditDurability = 'on-disk' | 'like-sessions';

/** Every reference to person `from` in the audit trail becomes `to` (erasure, retention). */
export interface AuditActorChange {
  from: string;
  to: string;
  /** Only events about this subject (e.g. one assessment); otherwise events by or about `from`. */
  subject?: string;
}

/** Which summaries to list; both fields given means both must match. */
export interface SummaryQuery {
  departmentId?: string;
  submitterKey?: string;
}

export interface AuditQuery {
  subject?: string;
  action?: string;
  since?: string;
}

export interface RiskcheckStore {
  /** Dialog sessions (hot). `expectedVersion` 0 means "must not exist yet". */
  getSession(id: string): Promise<DialogSession | undefined>;
  listSessionsByOwner(ownerKey: string): Promise<DialogSession[]>;
  saveSession(session: DialogSession, expectedVersion: number): Promise<SaveResult<DialogSession>>;
  deleteSession(id: string): Promise<void>;

  /** Submitted assessments (cold). */
  getAssessment(id: string): Promise<Assessment | undefined>;
  listAssessmentsBySubmitter(submitterKey: string): Promise<Assessment[]>;
  listAssessmentsByDepartment(departmentId: string): Promise<Assessment[]>;
  saveAssessment(assessment: Assessment, expectedVersion: number): Promise<SaveResult<Assessment>>;
  /** Every assessment, oldest submitted first (exports, erasure). Reads the whole history. */
  listAssessments(): Promise<Assessment[]>;
  /**
   * Summaries of the matching assessments, oldest submitted first, from memory: what the
   * scheduler, retention and counts use, so they never read the whole history.
   */
  listAssessmentSummaries(query?: SummaryQuery): Promise<AssessmentSummary[]>;
  /**
   * Hands each matching summary to `visit` as it is made, in no particular order, keeping none:
   * for passes over a whole department or history (reminder planning, retention) that would
   * otherwise hold tens of thousands of summaries at once, which the runtime then keeps as memory
   * long after the pass (docs/benchmarks.md, finding 17). Other work may run between pages of
   * summaries: a record saved meanwhile is visited as it is then, one deleted meanwhile not at all,
   * one added meanwhile maybe not.
   */
  visitAssessmentSummaries(query: SummaryQuery, visit: (summary: AssessmentSummary) => void): Promise<void>;
  /** Retention may delete a closed assessment; deleting a missing one is a no-op. */
  deleteAssessment(id: string): Promise<void>;
  /**
   * Removes superseded versions and deleted records from disk (append-only files keep them until
   * compacted): erasure and retention call it so what they removed is really gone.
   */
  purgeSuperseded(): Promise<void>;

  /** Conversation references for proactive posts. */
  getLink(key: string): Promise<ConversationLink | undefined>;
  saveLink(link: ConversationLink): Promise<void>;
  listLinks(): Promise<ConversationLink[]>;
  /** Deleting a missing link is a no-op. */
  deleteLink(key: string): Promise<void>;

  /** Resolves once the event is as durable as `durability` says (on disk, by default). */
  appendAudit(event: AuditEvent, durability?: AuditDurability): Promise<void>;
  listAudit(query?: AuditQuery): Promise<AuditEvent[]>;
  /**
   * Pseudonymises people in the audit trail, the one sanctioned rewrite of an append-only log
   * (erasure on request, retention). Returns how many events changed.
   */
  rewriteAuditActors(changes: readonly AuditActorChange[]): Promise<number>;

  /**
   * Reminders (issue 4), pending or done: `expectedVersion` 0 means "must not exist yet". Done
   * ones (sent, cancelled) may live on disk, so only pending ones are listed.
   */
  getReminder(id: string): Promise<Reminder | undefined>;
  saveReminder(reminder: Reminder, expectedVersion: number): Promise<SaveResult<Reminder>>;
  /** Pending reminders due at or before `now`, oldest first. */
  listDueReminders(now: string): Promise<Reminder[]>;
  /** A department's pending reminders, soonest first. */
  listPendingReminders(departmentId: string): Promise<Reminder[]>;
  /** The ids of a department's reminders, any status: what planning needs, without sorting rows. */
  listReminderIds(departmentId: string): Promise<Set<string>>;

  /** "We discussed this" records, by department, oldest first. */
  saveDiscussion(discussion: Discussion): Promise<void>;
  listDiscussions(departmentId: string): Promise<Discussion[]>;

  /**
   * Records that an inbound event (Teams activity id, Slack retry) was handled. Returns true the
   * first time a key is seen and false for every repeat, atomically within the process.
   */
  markProcessed(key: string, at: string): Promise<boolean>;

  /**
   * Whether the store can still save. After a failed write or fsync a journal's end on disk is
   * unknown, and after losing its data-directory lock another process may write there: the store
   * then refuses every save until riskcheck is restarted, and says why here (for `/healthz`).
   */
  health(): StoreHealth;

  close(): Promise<void>;
}

export type StoreHealth = { ok: true } | { ok: false; problem: string };
