/**
 * Drives a whole risk check through the real server the way a Teams user does: press Start, fill
 * each card's inputs, press Next until the review, then Submit.
 */

import type { Harness } from './bot-harness.js';
import { actionsOf, actionWith, type CardInput, inputsOf, invokeCard } from './card-reader.js';
import { channel, executeActivity, messageActivity, type TeamsUser, USERS } from './teams-activities.js';

export type AnswerPlan = Record<string, string>;

/** What a Teams journey needs of a server: posting to it, and the connector it answers through. */
export type TeamsServer = Pick<Harness, 'post' | 'connector'>;

/** A plausible low-risk answer for an input nobody planned an answer for. */
export function defaultAnswer(input: CardInput): string {
  const values = input.choices.map((c) => c.value);
  if (input.type === 'Input.Date') return '2027-12-31';
  if (input.type === 'Input.Text') return 'Example text';
  if (values.includes('no')) return 'no';
  if (values.includes('NO')) return 'NO';
  if (values.includes('gph')) return 'gph';
  if (values.includes('none')) return 'none';
  return values[0] ?? '';
}

export function fillInputs(card: unknown, plan: AnswerPlan): Record<string, string> {
  const data: Record<string, string> = {};
  for (const input of inputsOf(card)) {
    if (!input.id.startsWith('q:')) continue;
    const questionId = input.id.slice(2);
    data[input.id] = plan[questionId] ?? defaultAnswer(input);
  }
  return data;
}

export async function press(
  h: TeamsServer,
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
): Promise<{ status: number; card?: Record<string, unknown>; body: any }> {
  const response = await h.post('/api/messages', executeActivity(h.connector.url, user, verb, data));
  const card =
    response.body?.type === 'application/vnd.microsoft.card.adaptive' ? invokeCard(response.body) : undefined;
  return { status: response.status, body: response.body, ...(card ? { card } : {}) };
}

export interface JourneyResult {
  sessionId: string;
  reviewCard: Record<string, unknown>;
  outcomeCard: Record<string, unknown>;
  stepCards: Record<string, unknown>[];
}

/** Answers every step from the plan and stops at the review card (does not submit). */
export async function answerAll(h: TeamsServer, user: TeamsUser, plan: AnswerPlan) {
  const started = await press(h, user, 'riskcheck.start', {});
  if (!started.card) throw new Error(`start failed: ${JSON.stringify(started.body)}`);
  let card = started.card;
  const stepCards: Record<string, unknown>[] = [];
  for (let guard = 0; guard < 40; guard++) {
    const next = actionsOf(card).find((a) => a.verb === 'riskcheck.next');
    if (!next) break;
    stepCards.push(card);
    const result = await press(h, user, 'riskcheck.next', { ...next.data, ...fillInputs(card, plan) });
    if (!result.card) throw new Error(`next failed: ${JSON.stringify(result.body)}`);
    card = result.card;
  }
  const submit = actionWith(card, 'riskcheck.submit');
  return { sessionId: String(submit.data.sessionId), reviewCard: card, stepCards };
}

export async function completeRiskcheck(
  h: TeamsServer,
  user: TeamsUser,
  plan: AnswerPlan,
): Promise<JourneyResult> {
  const { sessionId, reviewCard, stepCards } = await answerAll(h, user, plan);
  const submitted = await press(h, user, 'riskcheck.submit', actionWith(reviewCard, 'riskcheck.submit').data);
  if (!submitted.card) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`);
  return { sessionId, reviewCard, outcomeCard: submitted.card, stepCards };
}

/** `@riskcheck link gph` in the Global Public Health channel (by its head unless `user` says otherwise). */
export function linkGphChannel(h: TeamsServer, user: TeamsUser = USERS.alex) {
  return h.post(
    '/api/messages',
    messageActivity(h.connector.url, user, '<at>riskcheck</at> link gph', channel()),
  );
}
