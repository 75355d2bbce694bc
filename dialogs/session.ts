/**
 * A dialog in progress (hot state): where the user is and what they have answered so far. It is
 * saved after every answer, so a restart or "save and continue later" loses nothing.
 */
import type { Answers } from './questionnaire/schema.js';

export type Platform = 'teams' | 'slack';

/** Who acts: the platform's own user id, taken from the authenticated request, never from card data. */
export interface Actor {
  platform: Platform;
  /** Teams: AAD object id; Slack: user id. */
  userId: string;
  displayName: string;
}

/** Stable key for a user across the store: `teams:<aadObjectId>` or `slack:<userId>`. */
export function actorKey(actor: Pick<Actor, 'platform' | 'userId'>): string {
  return `${actor.platform}:${actor.userId}`;
}

/**
 * The parts of an `actorKey` (the platform is what precedes the first colon, whether or not it is
 * a known platform; user ids may contain colons). Keys without a colon have an empty platform.
 */
export function splitActorKey(key: string): { platform: string; userId: string } {
  const colon = key.indexOf(':');
  return colon < 0
    ? { platform: '', userId: key }
    : { platform: key.slice(0, colon), userId: key.slice(colon + 1) };
}

export type SessionStatus = 'in_progress' | 'reviewing';

export interface DialogSession {
  /** Also the id of the assessment it becomes on submit. */
  id: string;
  owner: Actor;
  questionnaireId: string;
  questionnaireVersion: string;
  status: SessionStatus;
  /** Id of the step currently shown (see questionnaire/steps.ts). */
  stepId: string;
  answers: Answers;
  /** Set when the user came to a step via "Edit" on the review card: Next returns to review. */
  returnToReview: boolean;
  /** Earlier assessment this one reassesses, when started from a reminder (issue 4). */
  previousAssessmentId?: string;
  createdAt: string;
  updatedAt: string;
  /** Optimistic concurrency: incremented on every save, checked by the store. */
  version: number;
}
