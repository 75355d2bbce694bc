/**
 * Reminder delivery when the platforms fail: Teams 429 with Retry-After, Slack 5xx and 429. The
 * reminder stays unsent, is retried after the wait, and every target gets it exactly once, also
 * when only one platform failed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { GPH_SLACK_CHANNEL, SLACK_USERS, slashCommand } from '../helpers/slack-requests.js';
import { GPH_CHANNEL, USERS } from '../helpers/teams-activities.js';
import { completeRiskcheck, linkGphChannel } from '../helpers/teams-journey.js';

let h: Harness;
let nudgeId: string;
beforeEach(async () => {
  h = await startHarness();
  await linkGphChannel(h);
  await h.postSlack(
    slashCommand({
      user: SLACK_USERS.alex,
      text: 'link gph',
      channelId: GPH_SLACK_CHANNEL,
      responseUrl: h.slack.responseUrl('l'),
    }),
  );
  const { sessionId } = await completeRiskcheck(h, USERS.alex, { department: 'gph', title: 'Cohort' });
  nudgeId = `pendingNudge:${sessionId}`;
  await h.bot.reminders.sweep(); // plans the rows
  h.clock.set('2026-11-27T09:01:00Z'); // the nudge is due
  h.connector.reset();
  h.slack.reset();
});
afterEach(async () => {
  await h.close();
});

const teamsNudges = () => h.connector.callsTo(GPH_CHANNEL).filter((c) => c.kind === 'post');
const slackAttempts = () =>
  h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === GPH_SLACK_CHANNEL);
/** The fake Slack API records failed calls too; these are the ones that were accepted. */
const slackNudges = () => slackAttempts().filter((c) => c.result?.ok === true);

describe('reminder delivery faults', () => {
  it('waits out a Teams 429 Retry-After and a Slack 500, then delivers once to each', async () => {
    h.connector.failNext(429, 1, { error: { code: 'Throttled' } }, { 'retry-after': '300' });
    h.slack.failNext('chat.postMessage', { status: 500 });

    const first = await h.bot.reminders.sweep();
    expect(first.failed).toEqual([nudgeId]);
    const pending = await h.bot.deps.store.getReminder(nudgeId);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    expect(new Date(pending!.nextAttemptAt!).getTime()).toBeGreaterThanOrEqual(
      h.clock.now().getTime() + 300_000,
    );

    h.clock.advance(60_000);
    expect((await h.bot.reminders.sweep()).sent).toEqual([]); // still inside Retry-After

    h.clock.advance(5 * 60_000);
    expect((await h.bot.reminders.sweep()).sent).toEqual([nudgeId]);
    expect(teamsNudges()).toHaveLength(1);
    expect(slackNudges()).toHaveLength(1);
    expect(await h.bot.deps.store.getReminder(nudgeId)).toMatchObject({ status: 'sent', attempts: 1 });

    h.clock.advance(24 * 60 * 60_000);
    await h.bot.reminders.sweep();
    expect(teamsNudges()).toHaveLength(1);
    expect(slackNudges()).toHaveLength(1);
  });

  it('does not post again to the platform that succeeded when only the other failed', async () => {
    h.slack.failNext('chat.postMessage', { status: 200, error: 'ratelimited', retryAfter: 30 });
    h.slack.failNext('chat.postMessage', { status: 503 });
    await h.bot.reminders.sweep();
    expect(teamsNudges()).toHaveLength(1);
    expect(slackNudges()).toHaveLength(0);

    h.clock.advance(10 * 60_000);
    await h.bot.reminders.sweep(); // second failure (503)
    h.clock.advance(60 * 60_000);
    const last = await h.bot.reminders.sweep();
    expect(last.sent).toEqual([nudgeId]);
    expect(teamsNudges()).toHaveLength(1);
    expect(slackNudges()).toHaveLength(1);
    expect(slackAttempts()).toHaveLength(3); // two failed attempts and one delivery
    const reminder = await h.bot.deps.store.getReminder(nudgeId);
    expect(reminder?.posts.map((p) => p.platform).sort()).toEqual(['slack', 'teams']);
  });

  it('keeps retrying with growing delays and gives up after the limit, marking it cancelled, never sent', async () => {
    h.connector.failNext(502, 100);
    h.slack.failNext('chat.postMessage', { status: 502 });
    for (let i = 0; i < 60; i++) {
      h.slack.failNext('chat.postMessage', { status: 502 });
    }
    const delays: number[] = [];
    for (let i = 0; i < 20; i++) {
      const before = await h.bot.deps.store.getReminder(nudgeId);
      if (before?.status !== 'pending') break;
      if (before.nextAttemptAt) h.clock.set(before.nextAttemptAt);
      await h.bot.reminders.sweep();
      const after = await h.bot.deps.store.getReminder(nudgeId);
      if (after?.nextAttemptAt)
        delays.push(new Date(after.nextAttemptAt).getTime() - h.clock.now().getTime());
    }
    const final = await h.bot.deps.store.getReminder(nudgeId);
    expect(final?.status).toBe('cancelled');
    expect(final?.sentAt).toBeUndefined();
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(teamsNudges()).toHaveLength(0); // the fake records only accepted posts
    expect(await h.bot.deps.store.listAudit({ subject: nudgeId, action: 'reminder.failed' })).toHaveLength(1);
  });
});
