/**
 * The dialog state machine's contract: `transition(context, session, event)` returns the next
 * session and effects as data. Channel code only executes effects; nothing here does I/O.
 */
import type { Assessment } from '../assessment.js';
import type { Organisation } from '../organisation/schema.js';
import type { Answers, Questionnaire } from '../questionnaire/schema.js';
import type { CountryOption, CountryReference } from '../reference/country-facts.js';
import type { Actor, DialogSession } from '../session.js';
import type { ViewModel } from '../views/view-model.js';

/** Everything the pure core needs to know about the world, passed in explicitly. */
export interface DialogContext {
  questionnaire: Questionnaire;
  organisation: Organisation;
  countries: CountryOption[];
  countryReference: CountryReference;
  /** The current time as ISO 8601, from the injected clock. */
  now: string;
}

/** Raw values from a card or modal, keyed by question id; validated by the core. */
export type SubmittedValues = Record<string, unknown>;

export type DialogEvent =
  | {
      kind: 'start';
      sessionId: string;
      owner: Actor;
      prefill?: Answers;
      previousAssessmentId?: string;
    }
  /** Show where the user is (resume). */
  | { kind: 'show' }
  | { kind: 'next'; stepId: string; values: SubmittedValues }
  | { kind: 'back'; stepId: string; values: SubmittedValues }
  | { kind: 'save'; stepId: string; values: SubmittedValues }
  /** From the review card: open a step to change it; Next then returns to the review. */
  | { kind: 'edit'; stepId: string }
  | { kind: 'submit' }
  | { kind: 'cancel' };

export type DialogEffect =
  /** Replace the user's current card / modal with this view. */
  | { kind: 'show'; view: ViewModel }
  /** The assessment is complete: store it, route it, post it (the app layer does the I/O). */
  | { kind: 'submitted'; assessment: Assessment }
  /** The user cancelled: delete the session. */
  | { kind: 'cancelled' };

export const REJECTION_CODES = [
  'unknown_question',
  'invalid_value',
  'too_long',
  'wrong_state',
  'unknown_step',
  'malformed',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export type TransitionResult =
  | { kind: 'ok'; session: DialogSession; changed: boolean; effects: DialogEffect[] }
  /**
   * The input could not have come from a card we rendered (tampered, malformed or oversized).
   * Nothing changes; `message` is safe to show to the user.
   */
  | { kind: 'rejected'; code: RejectionCode; message: string };
