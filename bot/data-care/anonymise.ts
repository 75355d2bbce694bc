/**
 * Pure anonymisation of stored records, shared by erasure on request and by retention. What a
 * decision needs stays (level, triage flags, decision value and time, questionnaire version);
 * who and free text go. Pseudonyms are random rather than a hash of the user id: Entra and
 * Slack ids are enumerable, so a hash could be reversed by hashing the directory.
 */
import { randomBytes } from 'node:crypto';
import { type Assessment, ERASED_TEXT } from '../../dialogs/assessment.js';
import type { Answers, Questionnaire } from '../../dialogs/questionnaire/schema.js';
import type { Actor, Platform } from '../../dialogs/session.js';

export const ERASED_NAME = 'Erased user';
const PSEUDONYM = /^erased-[0-9a-f]{16}$/;

export function newPseudonym(): string {
  return `erased-${randomBytes(8).toString('hex')}`;
}

export function isPseudonym(userId: string): boolean {
  return PSEUDONYM.test(userId);
}

export function pseudonymous(platform: Platform, pseudonym: string): Actor {
  return { platform, userId: pseudonym, displayName: ERASED_NAME };
}

/** Whether `actor` is the person `person` names (Entra object ids compare case-insensitively). */
export function samePerson(
  actor: Pick<Actor, 'platform' | 'userId'>,
  person: Pick<Actor, 'platform' | 'userId'>,
) {
  if (actor.platform !== person.platform) return false;
  return actor.platform === 'teams'
    ? actor.userId.toLowerCase() === person.userId.toLowerCase()
    : actor.userId === person.userId;
}

/**
 * Which answers hold what people typed. Asked of the current questionnaire; an answer to a
 * question it no longer has (older version) is treated as free text, erring towards erasure.
 */
export function isFreeText(questionnaire: Questionnaire): (questionId: string) => boolean {
  const kinds = new Map(
    questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, q.kind] as const)),
  );
  return (id) => {
    const kind = kinds.get(id);
    return kind === undefined || kind === 'text' || kind === 'longText';
  };
}

function scrubAnswers(answers: Answers, freeText: (id: string) => boolean): Answers {
  return Object.fromEntries(
    Object.entries(answers).map(([id, value]) => [id, freeText(id) ? ERASED_TEXT : value]),
  );
}

/** The submitter's identity and every free-text answer (title included, and where triage cites it). */
export function anonymiseSubmission(
  assessment: Assessment,
  pseudonym: string,
  freeText: (id: string) => boolean,
): Assessment {
  return {
    ...assessment,
    submitter: pseudonymous(assessment.submitter.platform, pseudonym),
    title: ERASED_TEXT,
    answers: scrubAnswers(assessment.answers, freeText),
    triage: {
      ...assessment.triage,
      flags: assessment.triage.flags.map((flag) => ({
        ...flag,
        because: flag.because.map((c) => (freeText(c.questionId) ? { ...c, answer: ERASED_TEXT } : c)),
      })),
    },
  };
}

/** Who decided; the decision itself (value, time, reasons) is kept. */
export function anonymiseDecider(assessment: Assessment, pseudonym: string): Assessment {
  if (!assessment.decision) return assessment;
  return {
    ...assessment,
    decision: { ...assessment.decision, by: pseudonymous(assessment.decision.by.platform, pseudonym) },
  };
}

/**
 * Everything personal, for retention: submitter, decider and free text, the decision's comment
 * too (it was written for the decision of the day, not for statistics). Already pseudonymous
 * people keep their pseudonym, so anonymising twice changes nothing.
 */
export function anonymiseAll(assessment: Assessment, freeText: (id: string) => boolean): Assessment {
  const keep = (actor: Actor) => (isPseudonym(actor.userId) ? actor.userId : newPseudonym());
  let result = anonymiseSubmission(assessment, keep(assessment.submitter), freeText);
  if (result.decision) {
    result = anonymiseDecider(result, keep(result.decision!.by));
    result = {
      ...result,
      decision: { ...result.decision!, comment: result.decision!.comment ? ERASED_TEXT : '' },
    };
  }
  return result;
}
