/**
 * A year of reminders with a fake clock, over the real server and the fake Teams connector and
 * Slack API: exactly the expected reminders, in order, once each; a restart and a week of
 * downtime in between lose nothing and duplicate nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { actionWith, textOf } from '../helpers/card-reader.js';
import { GPH_SLACK_CHANNEL, SLACK_USERS, slashCommand } from '../helpers/slack-requests.js';
import { GPH_CHANNEL, personalChat, USERS } from '../helpers/teams-activities.js';
import { completeRiskcheck, linkGphChannel, press } from '../helpers/teams-journey.js';

const HOUR = 60 * 60 * 1000;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** Moves the clock in six-hour steps up to `until`, sweeping at each step; returns what was sent. */
async function runUntil(until: string, sent: string[], skipped: string[]): Promise<void> {
  const end = new Date(until).getTime();
  while (h.clock.now().getTime() < end) {
    h.clock.advance(6 * HOUR);
    const report = await h.bot.reminders.sweep();
    sent.push(...report.sent);
    skipped.push(...report.skipped);
  }
}

function teamsPostsTo(conversationId: string) {
  return h.connector.callsTo(conversationId).filter((c) => c.kind === 'post');
}

describe('reminders over a year', () => {
  it('delivers each reminder once, in order, across a restart and a week of downtime', async () => {
    await linkGphChannel(h);
    await h.postSlack(
      slashCommand({
        user: SLACK_USERS.alex,
        text: 'link gph',
        channelId: GPH_SLACK_CHANNEL,
        responseUrl: h.slack.responseUrl('l'),
      }),
    );
    const { sessionId } = await completeRiskcheck(h, USERS.alex, {
      title: 'Summer school with Partner University',
      department: 'gph',
      stage: 'planned',
      // Ends after its first yearly reassessment: the end-date reminder follows it.
      end_date: '2027-12-31',
      collaboration_type: 'research',
    });
    const approval = h.connector.cardsOf(teamsPostsTo(GPH_CHANNEL)[0]!)[0]!;
    const sent: string[] = [];
    const skipped: string[] = [];

    // The decision comes after the 5-working-day nudge, before the 10-day escalation.
    await runUntil('2026-12-01T09:00:00Z', sent, skipped);
    await press(h, USERS.adele, 'riskcheck.decide', {
      ...actionWith(approval, 'riskcheck.decide').data,
      comment: '',
    });

    // The spring discussion is recorded; the follow-up must then not be sent.
    await runUntil('2027-02-10T09:00:00Z', sent, skipped);
    const springId = sent.find((id) => id.startsWith('discussion:gph:2027-02'))!;
    const recorded = await press(h, USERS.alex, 'riskcheck.discussed', {
      reminderId: springId,
      discussion_date: '2027-02-09',
      discussion_note: 'Went through the guide at the staff meeting.',
    });
    expect(textOf(recorded.card)).toContain('Went through the guide at the staff meeting.');

    await runUntil('2027-04-01T00:00:00Z', sent, skipped);
    await h.restart();
    await runUntil('2027-08-30T00:00:00Z', sent, skipped);
    // Down for three weeks, across the autumn semester start (6 Sep), then back.
    await h.restart();
    h.clock.set('2027-09-20T12:00:00Z');
    const catchUp = await h.bot.reminders.sweep();
    sent.push(...catchUp.sent);
    expect(catchUp.sent).toEqual(['discussion:gph:2027-09-06T07:00:00.000Z']);
    await runUntil('2027-12-05T00:00:00Z', sent, skipped);

    expect(sent).toEqual([
      `pendingNudge:${sessionId}`,
      'discussion:gph:2027-02-01T08:00:00.000Z',
      'discussion:gph:2027-09-06T07:00:00.000Z',
      'followup:discussion:gph:2027-09-06T07:00:00.000Z',
      `reassessment:${sessionId}:1`,
      `endingSoon:${sessionId}`,
    ]);
    expect(skipped).toEqual(
      expect.arrayContaining([
        `pendingEscalation:${sessionId}`,
        'followup:discussion:gph:2027-02-01T08:00:00.000Z',
      ]),
    );

    // What reached the platforms: the channel got the nudge and the two discussions, on both.
    const channelCards = teamsPostsTo(GPH_CHANNEL)
      .slice(1)
      .map((c) => c.activity.summary as string);
    expect(channelCards).toHaveLength(3);
    // (plus the approval request itself, posted there at submission)
    expect(
      h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === GPH_SLACK_CHANNEL),
    ).toHaveLength(4);
    // The submitter got the decision, the end-date reminder and the yearly reassessment by DM.
    const toAlex = teamsPostsTo(personalChat(USERS.alex).conversationId);
    expect(toAlex).toHaveLength(4); // decision + ending + follow-up (as head) + reassessment
    // The dean, reachable only on Slack, got the autumn follow-up.
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U0ISAIAH1')).toHaveLength(1);

    // The spring reminder card was turned into its recorded state in place.
    const updates = h.connector.callsTo(GPH_CHANNEL).filter((c) => c.kind === 'update');
    expect(updates.some((u) => JSON.stringify(u.activity).includes('Went through the guide'))).toBe(true);
  });

  it('starts a reassessment pre-filled from the earlier answers and linked to it', async () => {
    const { sessionId } = await completeRiskcheck(h, USERS.alex, {
      title: 'Cohort',
      department: 'gph',
      stage: 'ongoing',
    });
    const started = await press(h, USERS.alex, 'riskcheck.reassess', { assessmentId: sessionId });
    expect(started.status).toBe(200);
    const inputs = JSON.stringify(started.card);
    expect(inputs).toContain('Cohort');
    const drafts = await h.bot.deps.store.listSessionsByOwner(`teams:${USERS.alex.aadObjectId}`);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.previousAssessmentId).toBe(sessionId);
    expect(drafts[0]?.answers.title).toBe('Cohort');

    const stranger = await press(h, USERS.megan, 'riskcheck.reassess', { assessmentId: sessionId });
    expect(stranger.status).toBe(403);
  });
});
