/**
 * Retention: closed assessments (decided, with no reminder still pending for them) submitted more
 * than `dataCare.retentionMonths` ago are anonymised, or deleted when the organisation chose
 * `afterRetention: delete`. Run by the scheduler; safe to run again and again, since an
 * anonymised assessment anonymises to itself and is not counted twice.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Assessment } from '../../dialogs/assessment.js';
import { actorKey } from '../../dialogs/session.js';
import type { AuditActorChange } from '../../storage/store.js';
import { type AppDeps, audit } from '../app/app-deps.js';
import { addMonths } from '../reminders/calendar.js';
import { anonymiseAll, isFreeText, newPseudonym } from './anonymise.js';
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
  const pending = await pendingReminderSubjects(deps);
  const auditChanges: AuditActorChange[] = [];

  for (const listed of await deps.store.listAssessments()) {
    const submitted = Date.parse(listed.submittedAt);
    if (!listed.decision || Number.isNaN(submitted) || submitted >= cutoff || pending.has(listed.id))
      continue;
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
  return result;
}

/** Assessments a pending reminder still needs (e.g. a reassessment of an ongoing collaboration). */
async function pendingReminderSubjects(deps: AppDeps): Promise<Set<string>> {
  const subjects = new Set<string>();
  const departments = new Set((await deps.store.listAssessments()).map((a) => a.departmentId));
  for (const department of departments) {
    for (const reminder of await deps.store.listRemindersByDepartment(department)) {
      if (reminder.status === 'pending' && reminder.assessmentId) subjects.add(reminder.assessmentId);
    }
  }
  return subjects;
}

function peopleOf(assessment: Assessment): string[] {
  return [actorKey(assessment.submitter), ...(assessment.decision ? [actorKey(assessment.decision.by)] : [])];
}

/** A fresh pseudonym on the same platform as `key`. */
function pseudonymKeyLike(key: string): string {
  return `${key.slice(0, key.indexOf(':'))}:${newPseudonym()}`;
}

/** Audit events about this assessment follow the pseudonyms anonymisation chose. */
function actorChanges(before: Assessment, after: Assessment): AuditActorChange[] {
  const pairs: [string, string][] = [[actorKey(before.submitter), actorKey(after.submitter)]];
  if (before.decision && after.decision)
    pairs.push([actorKey(before.decision.by), actorKey(after.decision.by)]);
  return pairs.filter(([from, to]) => from !== to).map(([from, to]) => ({ from, to, subject: before.id }));
}
