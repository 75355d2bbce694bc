/**
 * Double clicks, concurrent decisions and two devices at once, over HTTP against the real server:
 * no duplicate assessment, post or decision, exactly one decision wins, and no answer is lost.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { actionWith, textOf } from '../helpers/card-reader.js';
import { GPH_CHANNEL, USERS } from '../helpers/teams-activities.js';
import { answerAll, completeRiskcheck, fillInputs, linkGphChannel, press } from '../helpers/teams-journey.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await linkGphChannel(h);
});
afterEach(async () => {
  await h.close();
});

const channelPosts = () => h.connector.callsTo(GPH_CHANNEL).filter((c) => c.kind === 'post');

describe('races', () => {
  it('creates one assessment and one channel post when Submit is clicked several times at once', async () => {
    const { reviewCard, sessionId } = await answerAll(h, USERS.alex, { department: 'gph' });
    const submit = actionWith(reviewCard, 'riskcheck.submit');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => press(h, USERS.alex, 'riskcheck.submit', submit.data)),
    );
    expect(results.every((r) => r.status < 500)).toBe(true);
    expect(await h.bot.deps.store.listAssessmentsBySubmitter(`teams:${USERS.alex.aadObjectId}`)).toHaveLength(
      1,
    );
    expect((await h.bot.deps.store.getAssessment(sessionId))?.posts).toHaveLength(1);
    expect(channelPosts()).toHaveLength(1);
  });

  it('lets exactly one of ten concurrent decisions win and tells the others who decided', async () => {
    const { sessionId } = await completeRiskcheck(h, USERS.alex, { department: 'gph' });
    const card = h.connector.cardsOf(channelPosts()[0]!)[0]!;
    const values = ['proceed', 'proceed_with_measures', 'pause_review', 'do_not_proceed'];
    const clicks = Array.from({ length: 10 }, (_, i) => {
      const user = i % 2 === 0 ? USERS.adele : USERS.alex;
      const button = actionWith(card, 'riskcheck.decide', (a) => a.data.decision === values[i % 4]);
      return press(h, user, 'riskcheck.decide', { ...button.data, comment: `click ${i}` });
    });
    const results = await Promise.all(clicks);
    const stored = await h.bot.deps.store.getAssessment(sessionId);
    expect(stored?.decision).toBeDefined();
    const winner = stored!.decision!;
    // Every answer shows the winning decision and who took it.
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(textOf(result.card)).toContain(winner.by.displayName);
      expect(textOf(result.card)).toContain(winner.comment);
    }
    expect(await h.bot.deps.store.listAudit({ subject: sessionId, action: 'decision.made' })).toHaveLength(1);
    expect(h.connector.callsTo(GPH_CHANNEL).filter((c) => c.kind === 'update')).toHaveLength(1);
  });

  it('keeps answers given at the same time on two devices', async () => {
    for (let round = 0; round < 5; round++) {
      const phone = (await press(h, USERS.alex, 'riskcheck.start', {})).card!;
      const first = actionWith(phone, 'riskcheck.next');
      const laptop = (
        await press(h, USERS.alex, 'riskcheck.next', {
          ...first.data,
          ...fillInputs(phone, { title: 'Original' }),
        })
      ).card!;
      const second = actionWith(laptop, 'riskcheck.next');
      // The laptop answers step 2 while the phone, still showing step 1, renames the activity.
      await Promise.all([
        press(h, USERS.alex, 'riskcheck.next', {
          ...second.data,
          ...fillInputs(laptop, { stage: 'ongoing' }),
        }),
        press(h, USERS.alex, 'riskcheck.save', {
          ...first.data,
          ...fillInputs(phone, { title: `Renamed ${round}` }),
        }),
      ]);
      const session = await h.bot.deps.store.getSession(String(first.data.sessionId));
      expect(session?.answers.title).toBe(`Renamed ${round}`);
      expect(session?.answers.stage).toBe('ongoing');
    }
  });
});

describe('outcome delivery when the platform fails', () => {
  it('keeps the outcome, retries the channel post with backoff and delivers it once', async () => {
    const { reviewCard, sessionId } = await answerAll(h, USERS.alex, { department: 'gph' });
    h.connector.failNext(503, 1);
    const submitted = await press(
      h,
      USERS.alex,
      'riskcheck.submit',
      actionWith(reviewCard, 'riskcheck.submit').data,
    );
    expect(textOf(submitted.card)).toMatch(/could not be posted/);
    expect(await h.bot.deps.store.getAssessment(sessionId)).toMatchObject({ posts: [] });
    expect(channelPosts()).toHaveLength(0);
    // The submission is in the trail before the failed delivery it led to.
    const trail = (await h.bot.deps.store.listAudit()).filter((e) => e.subject === sessionId);
    expect(trail.map((e) => e.action)).toEqual([
      'session.started',
      'assessment.submitted',
      'delivery.failed',
    ]);

    h.connector.failNext(429, 1, {}, { 'retry-after': '120' });
    await h.bot.reminders.sweep();
    expect(channelPosts()).toHaveLength(0);
    const waiting = await h.bot.deps.store.getReminder(`deliver:${sessionId}`);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(new Date(waiting!.nextAttemptAt!).getTime() - h.clock.now().getTime()).toBeGreaterThanOrEqual(
      120_000,
    );

    h.clock.advance(3 * 60_000);
    await h.bot.reminders.sweep();
    expect(channelPosts()).toHaveLength(1);
    expect((await h.bot.deps.store.getAssessment(sessionId))?.posts).toHaveLength(1);
    h.clock.advance(24 * 60 * 60_000);
    await h.bot.reminders.sweep();
    expect(channelPosts()).toHaveLength(1);
  });
});
