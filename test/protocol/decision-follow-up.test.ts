/**
 * After a decision the bot updates the posted outcome card and tells the submitter. When Teams
 * refuses either, the decision stands and the failed part is retried by the reminder sweep, once
 * per card and once per submitter, never twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { actionWith, textOf } from '../helpers/card-reader.js';
import { GPH_CHANNEL, personalChat, USERS } from '../helpers/teams-activities.js';
import { completeRiskcheck, linkGphChannel, press } from '../helpers/teams-journey.js';

let h: Harness;
let sessionId: string;
beforeEach(async () => {
  h = await startHarness();
  await linkGphChannel(h);
  ({ sessionId } = await completeRiskcheck(h, USERS.alex, { department: 'gph', title: 'Cohort' }));
});
afterEach(async () => {
  await h.close();
});

const cardUpdates = () => h.connector.callsTo(GPH_CHANNEL).filter((c) => c.kind === 'update');
const submitterNotices = () =>
  h.connector
    .callsTo(personalChat(USERS.alex).conversationId)
    .filter((c) => c.kind === 'post' && /decided: Proceed/.test(textOf(h.connector.cardsOf(c)[0])));

async function decideProceed() {
  const [posted] = h.connector.callsTo(GPH_CHANNEL).filter((c) => c.kind === 'post');
  const proceed = actionWith(
    h.connector.cardsOf(posted!)[0]!,
    'riskcheck.decide',
    (a) => a.data.decision === 'proceed',
  );
  return press(h, USERS.adele, 'riskcheck.decide', { ...proceed.data, comment: '' });
}

describe('after a decision, when Teams fails', () => {
  it('retries a card update that failed, without telling the submitter a second time', async () => {
    h.connector.failNext(503); // the card update comes first
    const decided = await decideProceed();
    expect(textOf(decided.card)).toMatch(/Proceed/);
    expect((await h.bot.deps.store.getAssessment(sessionId))?.decision?.value).toBe('proceed');
    expect(cardUpdates()).toHaveLength(0);
    expect(submitterNotices()).toHaveLength(1);
    expect(await h.bot.deps.store.getReminder(`decided:${sessionId}`)).toMatchObject({
      kind: 'decisionFollowUp',
      status: 'pending',
    });

    const report = await h.bot.reminders.sweep();
    expect(report.sent).toContain(`decided:${sessionId}`);
    expect(cardUpdates()).toHaveLength(1);
    expect(textOf(h.connector.cardsOf(cardUpdates()[0]!)[0])).toMatch(/Proceed/);
    expect(submitterNotices()).toHaveLength(1);

    await h.bot.reminders.sweep();
    expect([cardUpdates().length, submitterNotices().length]).toEqual([1, 1]);
  });

  it('retries both with backoff until Teams takes them, then each happens once', async () => {
    h.connector.failNext(503, 2); // the card update, then the notice
    await decideProceed();
    expect([cardUpdates().length, submitterNotices().length]).toEqual([0, 0]);

    h.connector.failNext(503, 2); // the first retry fails as well
    await h.bot.reminders.sweep();
    const waiting = await h.bot.deps.store.getReminder(`decided:${sessionId}`);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect([cardUpdates().length, submitterNotices().length]).toEqual([0, 0]);

    // Not before the backoff has passed.
    await h.bot.reminders.sweep();
    expect([cardUpdates().length, submitterNotices().length]).toEqual([0, 0]);
    h.clock.set(waiting!.nextAttemptAt!);
    await h.bot.reminders.sweep();
    expect([cardUpdates().length, submitterNotices().length]).toEqual([1, 1]);
    expect((await h.bot.deps.store.getReminder(`decided:${sessionId}`))?.status).toBe('sent');
  });

  it('schedules nothing when everything went through', async () => {
    await decideProceed();
    expect([cardUpdates().length, submitterNotices().length]).toEqual([1, 1]);
    expect(await h.bot.deps.store.getReminder(`decided:${sessionId}`)).toBeUndefined();
  });
});
