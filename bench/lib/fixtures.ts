/** Deterministic, realistic store contents for the store-growth benchmark, written in the lowdb on-disk format. */
import { cp, mkdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrganisation } from '../../bot/config/load-organisation.js';
import { countryOptions } from '../../bot/countries.js';
import { type Assessment, DECISIONS } from '../../dialogs/assessment.js';
import { buildAssessment } from '../../dialogs/dialog/build-assessment.js';
import type { DialogContext } from '../../dialogs/dialog/types.js';
import type { Answers, Question } from '../../dialogs/questionnaire/schema.js';
import { allQuestions, isQuestionVisible } from '../../dialogs/questionnaire/steps.js';
import type { Reminder } from '../../dialogs/reminders/reminder.js';
import type { Actor, DialogSession } from '../../dialogs/session.js';
import { triage } from '../../dialogs/triage/triage.js';
import { AppendLog } from '../../storage/journal/append-log.js';
import { ASSESSMENTS_KIND, ASSESSMENTS_SCHEMA_VERSION } from '../../storage/journal/assessment-journal.js';
import { JOURNAL_SCHEMA_VERSION } from '../../storage/journal/record-journal.js';
import {
  REMINDERS_DONE_KIND,
  REMINDERS_DONE_SCHEMA_VERSION,
} from '../../storage/journal/reminder-archive-journal.js';
import { FILE_NAMES, JOURNAL_KINDS, SCHEMA_VERSION } from '../../storage/lowdb/data-files.js';
import type { AuditEvent } from '../../storage/store.js';
import { remindersOfYears } from './fixture-reminders.js';

/** mulberry32: tiny, fast and good enough to make the same store on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'joint study cohort malaria vaccine doctoral exchange summer school data sharing genomics registry antimicrobial resistance maternal health network pilot trial workshop imaging course'.split(
    ' ',
  );
const PARTNERS = ['University', 'Institute', 'Medical College', 'Academy of Sciences', 'Research Hospital'];

export function createContext(organisationFile = 'config/example/organisation.yaml'): DialogContext {
  const loaded = loadOrganisation(organisationFile);
  return {
    questionnaire: loaded.questionnaire,
    organisation: loaded.organisation,
    countries: countryOptions(),
    countryReference: loaded.countryReference,
    now: new Date().toISOString(),
  };
}

function words(rand: () => number, count: number): string {
  return Array.from({ length: count }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** An answer a researcher might give: mostly "no" to risk questions, free text of realistic length. */
function answerFor(rand: () => number, q: Question, ctx: DialogContext): Answers[string] | undefined {
  if (!q.required && rand() < 0.4) return undefined;
  const options = (q.options ?? []).map((o) => o.value);
  switch (q.kind) {
    case 'text':
      return words(rand, 3 + Math.floor(rand() * 6)).slice(0, q.maxLength ?? 200);
    case 'longText':
      return words(rand, 15 + Math.floor(rand() * 40)).slice(0, q.maxLength ?? 2000);
    case 'yesNoUnsure': {
      const r = rand();
      // Most collaborations are routine: about one answer in eight raises a concern.
      return r < 0.88 ? 'no' : r < 0.96 ? 'yes' : 'unsure';
    }
    case 'choice':
      return pick(rand, options);
    case 'multiChoice':
      return [...new Set([pick(rand, options), ...(rand() < 0.4 ? [pick(rand, options)] : [])])];
    case 'country':
      return pick(rand, ctx.countries).code;
    case 'department':
      return pick(rand, ctx.organisation.departments).id;
    case 'date':
      return `20${26 + Math.floor(rand() * 4)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
  }
}

/** Answers to every visible question, in questionnaire order (so conditions see earlier answers). */
export function randomAnswers(
  rand: () => number,
  ctx: DialogContext,
  upTo = Number.POSITIVE_INFINITY,
): Answers {
  const answers: Answers = {};
  let asked = 0;
  for (const q of allQuestions(ctx.questionnaire)) {
    if (asked++ >= upTo) break;
    if (!isQuestionVisible(q, answers, ctx.countryReference)) continue;
    const value = answerFor(rand, q, ctx);
    if (value !== undefined) answers[q.id] = value;
  }
  if (typeof answers.partner_name === 'string')
    answers.partner_name = `${words(rand, 1)} ${pick(rand, PARTNERS)}`;
  return answers;
}

function staff(rand: () => number, i: number): Actor {
  const platform = i % 3 === 0 ? 'slack' : 'teams';
  const n = Math.floor(rand() * 3000);
  return platform === 'slack'
    ? { platform, userId: `U0BENCH${String(n).padStart(5, '0')}`, displayName: `Staff ${n}` }
    : { platform, userId: `bench-aad-${String(n).padStart(8, '0')}`, displayName: `Staff ${n}` };
}

const FIVE_YEARS_MS = 5 * 365 * 24 * 3600 * 1000;

/**
 * One submitted assessment, triaged by the real triage, most of them decided and posted. The
 * `count` assessments of a store are spread evenly over the five years before `now`.
 */
export function makeAssessment(
  rand: () => number,
  ctx: DialogContext,
  i: number,
  count: number,
  now: number,
): Assessment {
  const submittedAt = new Date(now - FIVE_YEARS_MS + Math.floor((i * FIVE_YEARS_MS) / count)).toISOString();
  const id = `bench-${String(i).padStart(8, '0')}-${Math.floor(rand() * 1e9).toString(36)}`;
  const answers = randomAnswers(rand, ctx);
  const session = { id, owner: staff(rand, i) } as DialogSession;
  const at = { ...ctx, now: submittedAt };
  const result = triage(ctx.questionnaire, answers, ctx.countryReference, ctx.organisation, ctx.countries);
  const assessment: Assessment = { ...buildAssessment(at, session, answers, result), version: 2 };
  const platform = session.owner.platform;
  assessment.posts = [
    { platform, conversationId: 'bench-channel', messageId: `m-${i}`, postedAt: submittedAt },
  ];
  if (rand() < 0.8) {
    const decidedAt = new Date(Date.parse(submittedAt) + 3 * 24 * 3600 * 1000).toISOString();
    assessment.decision = {
      value: pick(rand, DECISIONS),
      comment: words(rand, 8),
      by: staff(rand, i),
      at: decidedAt,
    };
    assessment.version = 3;
  }
  return assessment;
}

function auditOf(a: Assessment): AuditEvent[] {
  const actor = `${a.submitter.platform}:${a.submitter.userId}`;
  const events: AuditEvent[] = [
    {
      id: `${a.id}-s`,
      at: a.submittedAt,
      actor,
      action: 'assessment.submitted',
      subject: a.id,
      details: { level: a.level, department: a.departmentId },
    },
  ];
  if (a.decision)
    events.push({
      id: `${a.id}-d`,
      at: a.decision.at,
      actor: `${a.decision.by.platform}:${a.decision.by.userId}`,
      action: 'decision.made',
      subject: a.id,
      details: { decision: a.decision.value },
    });
  return events;
}

/**
 * Writes a data directory holding `count` assessments submitted over the five years before
 * `now`, with their audit trail and reminders, as years of use would leave it: the history
 * journal has each decided assessment twice (as submitted, then decided), the reminders are what
 * a sweep every quarter would have planned and delivered, and there is no index snapshot yet
 * (the first start replays the journal and writes one). Sessions are left to the bot.
 */
export async function writeStore(
  dataDir: string,
  count: number,
  now: Date,
  seed = 42,
): Promise<{ bytes: number }> {
  await mkdir(dataDir, { recursive: true });
  const ctx = createContext();
  const rand = seededRandom(seed);
  const lines: string[] = [];
  const assessments: Assessment[] = [];
  const audit: string[] = [JSON.stringify({ schemaVersion: SCHEMA_VERSION })];
  for (let i = 0; i < count; i++) {
    const a = makeAssessment(rand, ctx, i, count, now.getTime());
    assessments.push(a);
    if (a.decision) {
      const { decision: _, ...submitted } = a;
      lines.push(JSON.stringify({ put: { ...submitted, version: a.version - 1 } }));
    }
    lines.push(JSON.stringify({ put: a }));
    for (const e of auditOf(a)) audit.push(JSON.stringify(e));
  }
  const file = join(dataDir, FILE_NAMES.assessmentsJournal);
  const { log } = await AppendLog.create(file, ASSESSMENTS_KIND, ASSESSMENTS_SCHEMA_VERSION, lines);
  await log.close();
  await writeFile(join(dataDir, FILE_NAMES.audit), `${audit.join('\n')}\n`);
  // Written as the store keeps them: pending ones in reminders.jsonl, done ones in the archive.
  const reminders = remindersOfYears(ctx.organisation, assessments, now);
  const journals = [
    [
      FILE_NAMES.remindersJournal,
      JOURNAL_KINDS.reminders,
      JOURNAL_SCHEMA_VERSION,
      (r: Reminder) => r.status === 'pending',
    ],
    [
      FILE_NAMES.remindersDone,
      REMINDERS_DONE_KIND,
      REMINDERS_DONE_SCHEMA_VERSION,
      (r: Reminder) => r.status !== 'pending',
    ],
  ] as const;
  for (const [name, kind, schemaVersion, belongs] of journals) {
    const rows = reminders.filter(belongs).map((r) => JSON.stringify({ put: r }));
    const journal = await AppendLog.create(join(dataDir, name), kind, schemaVersion, rows);
    await journal.log.close();
  }
  return { bytes: (await stat(file)).size };
}

/**
 * Copies a generated store of `count` assessments, ending at the start of the current month, into
 * `dataDir`. Generating 50,000 takes a few minutes, so each size is generated once a month per
 * machine and kept in the temp directory.
 */
export async function prefillStore(dataDir: string, count: number): Promise<{ bytes: number }> {
  const today = new Date();
  const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1, 6));
  const month = monthStart.toISOString().slice(0, 7);
  const cache = join(tmpdir(), 'riskcheck-bench-cache', `v4-${count}-seed42-${month}`);
  const file = join(cache, FILE_NAMES.assessmentsJournal);
  const found = await stat(join(cache, 'complete')).catch(() => undefined);
  if (!found) {
    await writeStore(cache, count, monthStart);
    await writeFile(join(cache, 'complete'), '');
  }
  await mkdir(dataDir, { recursive: true });
  const files = [
    FILE_NAMES.assessmentsJournal,
    FILE_NAMES.audit,
    FILE_NAMES.remindersJournal,
    FILE_NAMES.remindersDone,
  ];
  for (const name of files) await cp(join(cache, name), join(dataDir, name));
  return { bytes: (await stat(file)).size };
}
