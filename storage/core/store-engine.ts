/**
 * The store's behaviour over in-memory state, independent of where it is persisted: the memory
 * store runs it with no persistence, the lowdb store with one durable file per collection. Every
 * method mutates memory synchronously (so checks cannot interleave) and then awaits persistence.
 */
import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { Assessment } from '../../dialogs/assessment.js';
import { freezeInPlace } from '../../dialogs/freeze.js';
import type { Discussion, Reminder } from '../../dialogs/reminders/reminder.js';
import { actorKey, type DialogSession } from '../../dialogs/session.js';
import type {
  AuditEvent,
  AuditQuery,
  ConversationLink,
  RiskcheckStore,
  SaveResult,
  SummaryQuery,
} from '../store.js';
import { type AssessmentHistory, memoryHistory } from './assessment-history.js';
import { applyActorChanges } from './audit-rewrite.js';
import { type AuditTrail, memoryAuditTrail } from './audit-trail.js';
import { createDict, type Dict, frozenCopy, IndexedTable, RecordTable } from './record-table.js';
import { memoryReminderArchive, type ReminderArchive } from './reminder-archive.js';

/** Dedup keys older than this are forgotten: Teams and Slack stop redelivering long before. */
// Platforms retry within minutes (Slack: at once, after ~1 and ~5 minutes; Teams: seconds), so an
// hour covers every retry while keeping the file, rewritten on every new key, small.
export const PROCESSED_RETENTION_MS = 60 * 60 * 1000;

/** How many summaries `visitAssessmentSummaries` hands over before letting other work run. */
export const SUMMARY_PAGE = 1000;

/** Everything the store holds. Dicts are used in place, so a persistence layer can serialise them. */
export interface StoreState {
  sessions: Dict<DialogSession>;
  /** Submitted assessments: in memory (memory store) or on disk with summaries in memory. */
  assessments: AssessmentHistory;
  /** Pending reminders, whole in memory. */
  reminders: Dict<Reminder>;
  /** Done (sent or cancelled) reminders. */
  reminderArchive: ReminderArchive;
  discussions: Dict<Discussion>;
  links: Dict<ConversationLink>;
  /** Dedup key → the `at` it was first processed. */
  processed: Dict<string>;
  /** Oldest first. */
  audit: AuditTrail;
}

export function emptyState(): StoreState {
  return {
    sessions: createDict(),
    assessments: memoryHistory(),
    reminders: createDict(),
    reminderArchive: memoryReminderArchive(),
    discussions: createDict(),
    links: createDict(),
    processed: createDict(),
    audit: memoryAuditTrail(),
  };
}

/**
 * Called after the in-memory state changed; resolves once the change is durable. The id says
 * which record changed (saved, or removed when no longer in the state), for journals that append
 * just that record. Assessments persist themselves (AssessmentHistory).
 */
export interface Persistence {
  sessionsChanged(id: string): Promise<void>;
  remindersChanged(id: string): Promise<void>;
  discussionsChanged(id: string): Promise<void>;
  linksChanged(key: string): Promise<void>;
  /** `key` was added; `expired` were dropped from memory by age. */
  processedChanged(key: string, expired: readonly string[]): Promise<void>;
  /** Physically drops superseded versions of hot records (erasure, retention). */
  purge(): Promise<void>;
  /**
   * Runs a write of a collection that persists itself (assessment history, audit), refusing once
   * the store no longer owns its data directory. Calls `write` synchronously when it may.
   */
  owned<T>(write: () => Promise<T>): Promise<T>;
  /** Why saves are refused until a restart (see RiskcheckStore.health), or undefined. */
  problem(): string | undefined;
  close(): Promise<void>;
}

export const noPersistence: Persistence = {
  sessionsChanged: async () => {},
  remindersChanged: async () => {},
  discussionsChanged: async () => {},
  linksChanged: async () => {},
  processedChanged: async () => {},
  purge: async () => {},
  owned: (write) => write(),
  problem: () => undefined,
  close: async () => {},
};

const byCreated = (a: DialogSession, b: DialogSession) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
/** As instants (`…00Z` and `…00.000Z` are the same time); as text only if one does not parse. */
function byInstant(a: string, b: string): number {
  const difference = Date.parse(a) - Date.parse(b);
  return Number.isNaN(difference) ? a.localeCompare(b) : difference;
}
const byDue = (a: Reminder, b: Reminder) => byInstant(a.dueAt, b.dueAt) || a.id.localeCompare(b.id);
const byRecorded = (a: Discussion, b: Discussion) =>
  byInstant(a.recordedAt, b.recordedAt) || a.id.localeCompare(b.id);

export function createStoreEngine(state: StoreState, persistence: Persistence): RiskcheckStore {
  const sessions = new RecordTable(state.sessions, { owner: (s) => actorKey(s.owner) });
  const history = state.assessments;
  /** Full records of the matching summaries, oldest first (read one by one from the history). */
  async function assessmentsOf(query: SummaryQuery): Promise<Assessment[]> {
    const found = await Promise.all(history.summaries(query).map((s) => history.get(s.id)));
    return found.filter((a): a is Assessment => a !== undefined);
  }
  const reminders = new IndexedTable(state.reminders, { department: (r) => r.departmentId });
  const archive = state.reminderArchive;
  const discussions = new IndexedTable(state.discussions, { department: (d) => d.departmentId });
  const processedOrder = new ProcessedOrder(state.processed);
  for (const link of Object.values(state.links)) freezeInPlace(link);
  let closed = false;

  // Fail loudly on use after close: a write then would be lost (lowdb) or silently ignored.
  const open = () => {
    if (closed) throw new Error('riskcheck store is closed');
  };

  async function persisted<T>(result: SaveResult<T>, write: () => Promise<void>): Promise<SaveResult<T>> {
    if (result.kind === 'saved') await write();
    return result;
  }

  return {
    async getSession(id) {
      open();
      return sessions.get(id);
    },
    async listSessionsByOwner(ownerKey) {
      open();
      return sessions.list('owner', ownerKey, byCreated);
    },
    async saveSession(session, expectedVersion) {
      open();
      return persisted(sessions.save(session, expectedVersion), () =>
        persistence.sessionsChanged(session.id),
      );
    },
    async deleteSession(id) {
      open();
      if (sessions.delete(id)) await persistence.sessionsChanged(id);
    },

    async getAssessment(id) {
      open();
      return history.get(id);
    },
    async listAssessmentsBySubmitter(submitterKey) {
      open();
      return assessmentsOf({ submitterKey });
    },
    async listAssessmentsByDepartment(departmentId) {
      open();
      return assessmentsOf({ departmentId });
    },
    async saveAssessment(assessment, expectedVersion) {
      open();
      // Check and write in the same turn of the event loop: a racing save sees the new version.
      if ((history.versionOf(assessment.id) ?? 0) !== expectedVersion) {
        return { kind: 'conflict', current: await history.get(assessment.id) };
      }
      const record: Assessment = frozenCopy({ ...assessment, version: expectedVersion + 1 });
      // `owned` checks the lock and calls put in this same turn, so the check above still holds.
      await persistence.owned(() => history.put(record));
      return { kind: 'saved', record };
    },
    async listAssessments() {
      open();
      return assessmentsOf({});
    },
    async listAssessmentSummaries(query = {}) {
      open();
      return history.summaries(query);
    },
    async visitAssessmentSummaries(query, visit) {
      open();
      const ids = history.summaryIds(query);
      for (let start = 0; start < ids.length; start += SUMMARY_PAGE) {
        // Between pages other work runs: a pass over a large department is tens of milliseconds
        // per thousand summaries, which would otherwise hold every request arriving meanwhile.
        if (start > 0) await yieldToIo();
        for (const id of ids.slice(start, start + SUMMARY_PAGE)) {
          const summary = history.summaryOf(id);
          if (summary) visit(summary);
        }
      }
    },
    async deleteAssessment(id) {
      open();
      await persistence.owned(() => history.delete(id));
    },
    async purgeSuperseded() {
      open();
      await Promise.all([
        persistence.owned(() => history.purge()),
        persistence.owned(() => archive.purge()),
        persistence.purge(),
      ]);
    },

    async getReminder(id) {
      open();
      return reminders.get(id) ?? archive.get(id);
    },
    async saveReminder(reminder, expectedVersion) {
      open();
      const { id } = reminder;
      const pending = reminders.get(id);
      // Check and move in the same turn of the event loop, as saveAssessment does.
      if ((pending?.version ?? archive.versionOf(id) ?? 0) !== expectedVersion)
        return { kind: 'conflict', current: pending ?? (await archive.get(id)) };
      const record: Reminder = frozenCopy({ ...reminder, version: expectedVersion + 1 });
      if (record.status === 'pending') {
        reminders.put(record);
        const stale =
          archive.versionOf(id) === undefined ? undefined : persistence.owned(() => archive.delete(id));
        await persistence.remindersChanged(id);
        await stale;
      } else {
        // The archive first: a crash in between leaves it in both files, where the newer version
        // wins at start-up (settleReminders), never in neither.
        const archived = persistence.owned(() => archive.put(record));
        const wasPending = reminders.delete(id);
        await archived;
        if (wasPending) await persistence.remindersChanged(id);
      }
      return { kind: 'saved', record };
    },
    async listDueReminders(now) {
      open();
      const cutoff = Date.parse(now);
      if (Number.isNaN(cutoff))
        throw new RangeError(`listDueReminders: ${JSON.stringify(now)} is not a time`);
      // nextAttemptAt (backoff) is deliberately not applied: the scheduler decides.
      return reminders.all(byDue, (r) => Date.parse(r.dueAt) <= cutoff);
    },
    async listPendingReminders(departmentId) {
      open();
      return reminders.list('department', departmentId, byDue);
    },
    async listReminderIds(departmentId) {
      open();
      const ids = reminders.ids('department', departmentId);
      for (const id of archive.idsOf(departmentId)) ids.add(id);
      return ids;
    },

    async saveDiscussion(discussion) {
      open();
      discussions.put(discussion);
      await persistence.discussionsChanged(discussion.id);
    },
    async listDiscussions(departmentId) {
      open();
      return discussions.list('department', departmentId, byRecorded);
    },

    async getLink(key) {
      open();
      return Object.hasOwn(state.links, key) ? state.links[key] : undefined;
    },
    async saveLink(link) {
      open();
      state.links[link.key] = frozenCopy(link);
      await persistence.linksChanged(link.key);
    },
    async listLinks() {
      open();
      return Object.values(state.links).sort((a, b) => a.key.localeCompare(b.key));
    },
    async deleteLink(key) {
      open();
      if (!Object.hasOwn(state.links, key)) return;
      delete state.links[key];
      await persistence.linksChanged(key);
    },

    async appendAudit(event, durability) {
      open();
      await persistence.owned(() => state.audit.append(event, durability));
    },
    async listAudit(query: AuditQuery = {}) {
      open();
      const since = query.since === undefined ? undefined : Date.parse(query.since);
      return state.audit.list(
        (e) =>
          (query.subject === undefined || e.subject === query.subject) &&
          (query.action === undefined || e.action === query.action) &&
          (since === undefined || Date.parse(e.at) >= since),
      );
    },
    async rewriteAuditActors(changes) {
      open();
      // Applied at its turn among the appends: none slips in between reading and replacing.
      return persistence.owned(() => state.audit.rewrite((event) => applyActorChanges(event, changes)));
    },

    async markProcessed(key, at) {
      open();
      if (Object.hasOwn(state.processed, key)) return false;
      state.processed[key] = at;
      processedOrder.add(key, at);
      const expired = processedOrder.expire(state.processed, at);
      await persistence.processedChanged(key, expired);
      return true;
    },

    health() {
      const problem = persistence.problem();
      return problem === undefined ? { ok: true } : { ok: false, problem };
    },

    async close() {
      if (closed) return;
      closed = true;
      // The history first: the persistence releases the data-directory lock when it closes.
      try {
        await Promise.all([history.close(), archive.close()]);
      } finally {
        await persistence.close();
      }
    },
  };
}

/**
 * Dedup keys in the order they were marked, so the expired ones are found at the front. (Walking
 * the dict with `for…in` enumerated every key on every request: a tenth of a busy server's CPU.)
 */
class ProcessedOrder {
  #keys: { key: string; atMs: number }[] = [];
  #head = 0;

  constructor(processed: Dict<string>) {
    for (const [key, at] of Object.entries(processed)) this.add(key, at);
  }

  add(key: string, at: string): void {
    this.#keys.push({ key, atMs: Date.parse(at) });
  }

  /** Drops keys older than the retention window measured from `now`; returns the dropped keys. */
  expire(processed: Dict<string>, now: string): string[] {
    const expired: string[] = [];
    const cutoff = Date.parse(now) - PROCESSED_RETENTION_MS;
    if (Number.isNaN(cutoff)) return expired;
    while (this.#head < this.#keys.length) {
      const oldest = this.#keys[this.#head] as { key: string; atMs: number };
      // A time that does not parse counts as expired, as a time long past would.
      if (oldest.atMs >= cutoff) break;
      delete processed[oldest.key];
      expired.push(oldest.key);
      this.#head++;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#keys.length) {
      this.#keys = this.#keys.slice(this.#head);
      this.#head = 0;
    }
    return expired;
  }
}
