/**
 * Retention: closed assessments (decided, with no reminder still pending for them) submitted more
 * than `dataCare.retentionMonths` ago are anonymised, or deleted when the organisation chose
 * `afterRetention: delete`. Run by the scheduler with its hourly planning pass (and at start-up);
 * safe to run again and again, since an anonymised assessment anonymises to itself and is not
 * counted twice. Candidates are picked
 * from the store's in-memory summaries, so only those about to change are read in full.
 */
import { isDeepStrictEqual } from 'node:util';
import { type Assessment, ERASED_TEXT } from '../../dialogs/assessment.js';
import { type AssessmentSummary, bySubmitted } from '../../dialogs/assessment-summary.js';
import { actorKey, splitActorKey } from '../../dialogs/session.js';
import type { AuditActorChange } from '../../storage/store.js';
import { type AppDeps, audit } from '../app/app-deps.js';
import { addMonths } from '../reminders/calendar.js';
import { anonymiseAll, isFreeText, isPseudonym, newPseudonym } from './anonymise.js';
import { updateAssessment } from './erase-person.js';

export interface RetentionResult {
  anonymised: number;
  deleted: number;
}

export async function applyRetention(deps: AppDeps): Promise<RetentionResult> {
  const result: RetentionResult = { anonymised: 0, deleted: 0 };
  const { retentionMonths, afterRetention } = deps.organisation.dataCare;
  if (retentionMonths === undefined) return result;
  const cutoff = addMonths(deps.clock.now(), -retentionMonths).getTime();
  const freeText = isFreeText(deps.questionnaire);
  const candidates = await retentionCandidates(deps, cutoff, afterRetention === 'delete');
  const auditChanges: AuditActorChange[] = [];

  for (const listed of candidates) {
    try {
      if (afterRetention === 'delete') {
        await deps.store.deleteAssessment(listed.id);
        auditChanges.push(
          ...peopleOf(listed).map((from) => ({ from, to: pseudonymKeyLike(from), subject: listed.id })),
        );
        await audit(deps, 'system', 'retention.deleted', listed.id);
        result.deleted++;
        continue;
      }
      // Only candidates are read in full, one at a time, and re-read on a conflicting save.
      let before: Assessment | undefined;
      let after: Assessment | undefined;
      const changed = await updateAssessment(deps, listed.id, (current) => {
        const next = anonymiseAll(current, freeText);
        before = current;
        after = next;
        return isDeepStrictEqual(next, current) ? undefined : next;
      });
      if (!changed || !before || !after) continue;
      auditChanges.push(...actorChanges(before, after));
      await audit(deps, 'system', 'retention.anonymised', listed.id);
      result.anonymised++;
    } catch (error) {
      // One assessment that keeps changing must not stop the rest; the next run tries again.
      deps.logger.warn(
        { assessmentId: listed.id, err: error instanceof Error ? error.message : String(error) },
        'retention skipped an assessment',
      );
    }
  }
  // One rewrite of the audit trail for the whole run, not one per assessment.
  if (auditChanges.length > 0) await deps.store.rewriteAuditActors(auditChanges);
  // What was anonymised or deleted stays in the journals' older lines until they are compacted.
  if (result.anonymised + result.deleted > 0) await deps.store.purgeSuperseded();
  return result;
}

/**
 * Closed assessments submitted before `cutoff`, chosen from the summaries the store keeps in
 * memory: this runs every hour, and most of an old history is already anonymised, so reading
 * every record to find that out again would read the whole history each time.
 */
async function retentionCandidates(
  deps: AppDeps,
  cutoff: number,
  deleting: boolean,
): Promise<AssessmentSummary[]> {
  const due: AssessmentSummary[] = [];
  // Visited, not listed: only the candidates are kept, not every summary of the history.
  await deps.store.visitAssessmentSummaries({}, (summary) => {
    const submitted = Date.parse(summary.submittedAt);
    if (
      summary.decision !== undefined &&
      !Number.isNaN(submitted) &&
      submitted < cutoff &&
      // Deleting removes anonymised ones too; anonymising them again would change nothing.
      (deleting || !isAnonymised(summary))
    )
      due.push(summary);
  });
  due.sort(bySubmitted);
  if (due.length === 0) return due;
  const pending = await pendingReminderSubjects(deps);
  return due.filter((summary) => !pending.has(summary.id));
}

/**
 * What anonymiseAll leaves behind: the erased title, pseudonyms for submitter and decider, and no
 * comment in its author's words. Erasure on request of both people leaves the first two marks
 * but keeps the decision's comment, which retention still has to erase.
 */
function isAnonymised(summary: AssessmentSummary): boolean {
  const { decision } = summary;
  return (
    summary.title === ERASED_TEXT &&
    isPseudonym(splitActorKey(summary.submitterKey).userId) &&
    (decision === undefined || (isPseudonym(splitActorKey(decision.byKey).userId) && !decision.hasComment))
  );
}

/**
 * Assessments a pending reminder still needs (e.g. a reassessment of an ongoing collaboration).
 * Every pending reminder, whichever department it belongs to (even one no longer configured):
 * "due by the end of time" is all of them, without listing assessments to find departments.
 */
async function pendingReminderSubjects(deps: AppDeps): Promise<Set<string>> {
  const subjects = new Set<string>();
  for (const reminder of await deps.store.listDueReminders(END_OF_TIME)) {
    if (reminder.status === 'pending' && reminder.assessmentId) subjects.add(reminder.assessmentId);
  }
  return subjects;
}

/** Later than any due date, and still ordered correctly when compared as a string. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

function peopleOf(summary: AssessmentSummary): string[] {
  return [summary.submitterKey, ...(summary.decision ? [summary.decision.byKey] : [])];
}

/** A fresh pseudonym on the same platform as `key`. */
function pseudonymKeyLike(key: string): string {
  return `${splitActorKey(key).platform}:${newPseudonym()}`;
}

/** Audit events about this assessment follow the pseudonyms anonymisation chose. */
function actorChanges(before: Assessment, after: Assessment): AuditActorChange[] {
  const pairs: [string, string][] = [[actorKey(before.submitter), actorKey(after.submitter)]];
  if (before.decision && after.decision)
    pairs.push([actorKey(before.decision.by), actorKey(after.decision.by)]);
  return pairs.filter(([from, to]) => from !== to).map(([from, to]) => ({ from, to, subject: before.id }));
}
