/**
 * `riskcheck erase <platform>:<userId>`: erasure of one person's data on request, by an
 * organisation admin only (checked against the authenticated actor; refusals audited). Drafts
 * and personal chat links are deleted; submitted assessments and decisions must be kept, so the
 * person is replaced by a pseudonym there, in discussions, channel links and the audit trail.
 */
import type { Assessment } from '../../dialogs/assessment.js';
import { isDecisionMaker } from '../../dialogs/routing/responsibility.js';
import { type Actor, actorKey, splitActorKey } from '../../dialogs/session.js';
import { messageView } from '../../dialogs/views/simple-views.js';
import type { ConversationLink } from '../../storage/store.js';
import { type AppDeps, audit } from '../app/app-deps.js';
import { userLinkKey } from '../app/department-channels.js';
import { type Reply, viewReply } from '../app/reply.js';
import {
  anonymiseDecider,
  anonymiseSubmission,
  ERASED_NAME,
  isFreeText,
  newPseudonym,
  samePerson,
} from './anonymise.js';
import type { PersonKey } from './export-request.js';

export interface ErasureResult {
  /** Actor key that now stands for the person everywhere, e.g. `slack:erased-0123456789abcdef`. */
  pseudonymKey: string;
  sessions: number;
  assessments: number;
  decisions: number;
  discussions: number;
  links: number;
  auditEvents: number;
}

const SAVE_ATTEMPTS = 5;

export async function eraseCommand(deps: AppDeps, actor: Actor, person: PersonKey): Promise<Reply> {
  const who = actorKey(actor);
  if (!isDecisionMaker(deps.organisation.admins, actor.platform, actor.userId)) {
    await audit(deps, who, 'erasure.refused', actorKey(person), { reason: 'not_admin' });
    return viewReply(
      messageView('error', 'Not allowed', 'Only an administrator can erase a person’s data.', false),
    );
  }
  const result = await erasePerson(deps, person);
  const { pseudonymKey, ...counts } = result;
  await audit(deps, who, 'erasure.done', pseudonymKey, counts);
  return viewReply(
    messageView(
      'success',
      'Personal data erased',
      `Deleted ${counts.sessions} draft(s) and ${counts.links} personal link(s); anonymised ${counts.assessments} assessment(s), ` +
        `${counts.decisions} decision(s), ${counts.discussions} discussion record(s) and ${counts.auditEvents} audit event(s). ` +
        `The person is now ${pseudonymKey}. Remove them from the organisation file too if they are listed there.`,
      false,
    ),
  );
}

/** Erases `person` everywhere in the store. Safe to run again: a second run finds nothing. */
export async function erasePerson(deps: AppDeps, person: PersonKey): Promise<ErasureResult> {
  const { store } = deps;
  const key = actorKey(person);
  const pseudonym = newPseudonym();
  const pseudonymKey = actorKey({ platform: person.platform, userId: pseudonym });
  const freeText = isFreeText(deps.questionnaire);
  const result: ErasureResult = {
    pseudonymKey,
    sessions: 0,
    assessments: 0,
    decisions: 0,
    discussions: 0,
    links: 0,
    auditEvents: 0,
  };

  for (const session of await store.listSessionsByOwner(key)) {
    await store.deleteSession(session.id);
    result.sessions++;
  }

  // Chosen from the summaries in memory: only the person's assessments are read from disk.
  for (const listed of await store.listAssessmentSummaries()) {
    if (!isKeyOf(listed.submitterKey, person) && !(listed.decision && isKeyOf(listed.decision.byKey, person)))
      continue;
    // Set on each attempt, counted once the save went through.
    let submitted = false;
    let decided = false;
    const changed = await updateAssessment(deps, listed.id, (current) => {
      submitted = samePerson(current.submitter, person);
      decided = current.decision !== undefined && samePerson(current.decision.by, person);
      let next = current;
      if (submitted) next = anonymiseSubmission(next, pseudonym, freeText);
      if (decided) next = anonymiseDecider(next, pseudonym);
      return next === current ? undefined : next;
    });
    if (changed && submitted) result.assessments++;
    if (changed && decided) result.decisions++;
  }

  for (const department of deps.organisation.departments) {
    for (const discussion of await store.listDiscussions(department.id)) {
      if (!samePerson(discussion.recordedBy, person)) continue;
      await store.saveDiscussion({
        ...discussion,
        recordedBy: { platform: person.platform, userId: pseudonym, displayName: ERASED_NAME },
      });
      result.discussions++;
    }
  }

  const personalLink = userLinkKey(person.platform, person.userId).toLowerCase();
  for (const link of await store.listLinks()) {
    if (link.key.toLowerCase() === personalLink) {
      await store.deleteLink(link.key);
      result.links++;
    } else {
      const scrubbed = scrubLink(link, person, pseudonymKey);
      if (scrubbed) await store.saveLink(scrubbed);
    }
  }

  // Teams ids may have been stored in another case than typed: rewrite every spelling seen.
  const spellings = new Set([
    key,
    ...(await store.listAudit()).map((e) => e.actor).filter((a) => isKeyOf(a, person)),
  ]);
  result.auditEvents = await store.rewriteAuditActors(
    [...spellings].map((from) => ({ from, to: pseudonymKey })),
  );
  // The journals still hold the versions from before the erasure until they are compacted.
  await store.purgeSuperseded();
  return result;
}

function isKeyOf(key: string, person: PersonKey): boolean {
  const { platform, userId } = splitActorKey(key);
  return (platform === 'teams' || platform === 'slack') && samePerson({ platform, userId }, person);
}

/** A channel link the person made: who linked it, and their user in the Teams reference. */
function scrubLink(
  link: ConversationLink,
  person: PersonKey,
  pseudonymKey: string,
): ConversationLink | undefined {
  const user = link.reference?.user as { id?: unknown; aadObjectId?: unknown } | undefined;
  const inReference =
    person.platform === 'teams' &&
    typeof user?.aadObjectId === 'string' &&
    samePerson({ platform: 'teams', userId: user.aadObjectId }, person);
  const linkedByThem = link.linkedBy !== undefined && isKeyOf(link.linkedBy, person);
  if (!inReference && !linkedByThem) return undefined;
  return {
    ...link,
    ...(linkedByThem ? { linkedBy: pseudonymKey } : {}),
    // The reference keeps a user for continueConversation's shape, but no longer the person.
    ...(inReference
      ? { reference: { ...link.reference, user: { id: pseudonymKey, name: ERASED_NAME } } }
      : {}),
  };
}

/** Re-reads and re-applies `change` when someone saved in between (optimistic versions). */
export async function updateAssessment(
  deps: AppDeps,
  id: string,
  change: (current: Assessment) => Assessment | undefined,
): Promise<boolean> {
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const current = await deps.store.getAssessment(id);
    if (!current) return false;
    const next = change(current);
    if (!next) return false;
    if ((await deps.store.saveAssessment(next, current.version)).kind === 'saved') return true;
  }
  throw new Error(`assessment ${id} kept changing while it was being anonymised`);
}
