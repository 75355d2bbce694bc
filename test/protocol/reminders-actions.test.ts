/**
 * Acting on reminders: "We discussed this" on Teams and through the Slack dialog (only a head,
 * dean or admin may record it; every posted copy turns into the recorded state), and
 * `riskcheck reminders` for the people responsible.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISCUSSION_MODAL_CALLBACK_ID } from '../../cards/block-kit/discussion-modal.js';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { actionWith, textOf } from '../helpers/card-reader.js';
import { button } from '../helpers/slack-journey.js';
import {
  blockAction,
  GPH_SLACK_CHANNEL,
  SLACK_USERS,
  slashCommand,
  viewSubmission,
} from '../helpers/slack-requests.js';
import { GPH_CHANNEL, messageActivity, USERS } from '../helpers/teams-activities.js';
import { linkGphChannel, press } from '../helpers/teams-journey.js';

const REMINDER = 'discussion:gph:2027-02-01T08:00:00.000Z';

let h: Harness;
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
  await h.bot.reminders.sweep();
  h.clock.set('2027-02-01T08:00:00Z');
  expect((await h.bot.reminders.sweep()).sent).toEqual([REMINDER]);
});
afterEach(async () => {
  await h.close();
});

async function slackDiscussed(
  user: (typeof SLACK_USERS)[keyof typeof SLACK_USERS],
  date: string | null,
  note: string,
) {
  const post = h.slack
    .callsTo('chat.postMessage')
    .find((c) => c.args.channel === GPH_SLACK_CHANNEL && c.result?.ok);
  const click = button(post?.args.blocks, 'riskcheck.discussed');
  await h.postSlack(
    blockAction({
      user,
      actionId: click.actionId,
      value: click.value,
      channelId: GPH_SLACK_CHANNEL,
      messageTs: post?.result?.ts,
    }),
  );
  const opened = h.slack.callsTo('views.open').at(-1)!;
  expect(opened.args.view.callback_id).toBe(DISCUSSION_MODAL_CALLBACK_ID);
  return h.postSlack(
    viewSubmission({
      user,
      view: {
        id: opened.result?.view?.id,
        callback_id: DISCUSSION_MODAL_CALLBACK_ID,
        private_metadata: opened.args.view.private_metadata,
        state: {
          values: {
            discussion_date: { discussion_date: { type: 'datepicker', selected_date: date } },
            discussion_note: { discussion_note: { type: 'plain_text_input', value: note } },
          },
        },
      },
    }),
  );
}

describe('discussion reminders', () => {
  it('records the discussion from Slack for a head, updating the Slack message and the Teams card', async () => {
    const refused = await slackDiscussed(SLACK_USERS.lynne, null, 'I was there');
    expect(refused.body.response_action).toBe('errors');
    expect(JSON.stringify(refused.body.errors)).toMatch(/Only the head/);
    expect(await h.bot.deps.store.listDiscussions('gph')).toEqual([]);

    const recorded = await slackDiscussed(SLACK_USERS.alex, '2027-02-03', 'Staff meeting, 12 present.');
    expect(recorded.body).toEqual({ response_action: 'clear' });
    const discussions = await h.bot.deps.store.listDiscussions('gph');
    expect(discussions).toHaveLength(1);
    expect(discussions[0]).toMatchObject({
      heldOn: '2027-02-03',
      note: 'Staff meeting, 12 present.',
      reminderId: REMINDER,
    });
    expect(JSON.stringify(h.slack.callsTo('chat.update').at(-1)?.args.blocks)).toContain(
      'Staff meeting, 12 present.',
    );
    const teamsUpdate = h.connector
      .callsTo(GPH_CHANNEL)
      .filter((c) => c.kind === 'update')
      .at(-1);
    expect(JSON.stringify(teamsUpdate?.activity)).toContain('Staff meeting, 12 present.');
    expect(await h.bot.deps.store.listAudit({ subject: 'gph', action: 'discussion.recorded' })).toHaveLength(
      1,
    );
  });

  it('records it from the Teams card once, even when pressed twice', async () => {
    const card = h.connector.cardsOf(
      h.connector
        .callsTo(GPH_CHANNEL)
        .filter((c) => c.kind === 'post')
        .at(-1)!,
    )[0]!;
    const button = actionWith(card, 'riskcheck.discussed');
    const stranger = await press(h, USERS.lynne, 'riskcheck.discussed', button.data);
    expect(textOf(stranger.card)).toMatch(/Only the head/);
    const first = await press(h, USERS.alex, 'riskcheck.discussed', {
      ...button.data,
      discussion_note: 'Done.',
    });
    const second = await press(h, USERS.alex, 'riskcheck.discussed', {
      ...button.data,
      discussion_note: 'Done again.',
    });
    expect(textOf(first.card)).toContain('Done.');
    expect(textOf(second.card)).toContain('Done.');
    expect(await h.bot.deps.store.listDiscussions('gph')).toHaveLength(1);
  });

  it('refuses a malformed date with a message and records nothing', async () => {
    const response = await press(h, USERS.alex, 'riskcheck.discussed', {
      reminderId: REMINDER,
      discussion_date: 'last week',
    });
    expect(response.status).toBe(400);
    expect(await h.bot.deps.store.listDiscussions('gph')).toEqual([]);
  });
});

describe('riskcheck reminders', () => {
  it('shows a head the upcoming reminders of their department', async () => {
    await h.post('/api/messages', messageActivity(h.connector.url, USERS.alex, 'reminders'));
    const card = h.connector.cardsOf(h.connector.calls.at(-1)!)[0];
    expect(textOf(card)).toContain('Department of Global Public Health');
    expect(textOf(card)).toMatch(/Discussion follow-up/);
  });

  it('refuses someone who is not responsible for the department', async () => {
    await h.post('/api/messages', messageActivity(h.connector.url, USERS.lynne, 'reminders gph'));
    expect(textOf(h.connector.cardsOf(h.connector.calls.at(-1)!)[0])).toMatch(/Only the people responsible/);
  });

  it('answers an administrator on Slack for any department', async () => {
    await h.postSlack(
      slashCommand({ user: SLACK_USERS.patti, text: 'reminders gph', responseUrl: h.slack.responseUrl('r') }),
    );
    const answer = h.slack.responses.at(-1)?.body;
    expect(answer.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.blocks)).toMatch(/Discussion follow-up/);
  });
});
