/**
 * Records a decision on an assessment. Every expected refusal is a value, not an exception, so the
 * bot can answer the user (and update the card) without try/catch around business outcomes.
 */
import { type Assessment, DECISIONS, type Decision, type DecisionValue } from '../assessment.js';
import type { Person } from '../organisation/schema.js';
import { isDecisionMaker } from '../routing/responsibility.js';
import type { Actor } from '../session.js';

export const MAX_COMMENT_LENGTH = 1000;

export interface DecideInput {
  assessment: Assessment;
  /** From the authenticated request, never from card data. */
  actor: Actor;
  /** Raw value from the card; validated here. */
  value: unknown;
  /** Raw comment from the card; missing (undefined or null) means no comment. */
  comment: unknown;
  /** The assessment version the card showed. */
  expectedVersion: number;
  deciders: readonly Person[];
  /** ISO 8601 from the injected clock. */
  now: string;
}

export type DecideResult =
  | { kind: 'decided'; assessment: Assessment; decision: Decision }
  | { kind: 'notAnApprover' }
  | { kind: 'alreadyDecided'; decision: Decision }
  | { kind: 'staleVersion'; currentVersion: number }
  | { kind: 'invalid'; message: string };

function isDecisionValue(value: unknown): value is DecisionValue {
  return typeof value === 'string' && (DECISIONS as readonly string[]).includes(value);
}

/** Control characters (except line breaks and tabs) could break layouts or logs. */
export function cleanComment(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '').trim();
}

export function decide(input: DecideInput): DecideResult {
  const { assessment, actor, value, comment } = input;
  if (!isDecisionValue(value)) {
    return { kind: 'invalid', message: 'That is not one of the decisions you can take.' };
  }
  if (comment !== undefined && comment !== null && typeof comment !== 'string') {
    return { kind: 'invalid', message: 'The comment must be text.' };
  }
  const cleaned = cleanComment(comment ?? '');
  if (cleaned.length > MAX_COMMENT_LENGTH) {
    return {
      kind: 'invalid',
      message: `The comment is too long: keep it to ${MAX_COMMENT_LENGTH} characters.`,
    };
  }
  if (!isDecisionMaker(input.deciders, actor.platform, actor.userId)) return { kind: 'notAnApprover' };
  if (assessment.decision) return { kind: 'alreadyDecided', decision: assessment.decision };
  if (input.expectedVersion !== assessment.version) {
    return { kind: 'staleVersion', currentVersion: assessment.version };
  }
  const decision: Decision = { value, comment: cleaned, by: actor, at: input.now };
  // The version stays as it is: the store bumps it when it saves, checking expectedVersion.
  return { kind: 'decided', assessment: { ...assessment, decision }, decision };
}
