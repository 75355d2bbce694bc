/**
 * Whole Slack journeys over signed HTTP requests against the real server: the dialog in modals,
 * the outcome in a DM and in the department channel, decisions, save and resume across a
 * restart, and a department linked on both Teams and Slack.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODAL_NOT_OPENED } from '../../bot/channels/slack/slack-command.js';
import { DECISION_MODAL_CALLBACK_ID } from '../../cards/block-kit/decision-comment-modal.js';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { actionWith } from '../helpers/card-reader.js';
import {
  button,
  completeSlackRiskcheck,
  lastModal,
  metadataOf,
  pressInModal,
  slash,
  submitModal,
  textOfBlocks,
} from '../helpers/slack-journey.js';
import { blockAction, GPH_SLACK_CHANNEL, SLACK_USERS, viewSubmission } from '../helpers/slack-requests.js';
import { GPH_CHANNEL, USERS } from '../helpers/teams-activities.js';
import { completeRiskcheck, linkGphChannel, press } from '../helpers/teams-journey.js';

const RISKY = {
  title: 'Malaria cohort with Partner University',
  partner_name: 'Partner University',
  partner_country: 'CN',
  collaboration_type: 'research',
  department: 'gph',
  scope: 'animal_experiments,personal_data',
  animal_abroad: 'yes',
  personal_data_transfer: 'unsure',
};

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const channelPosts = () =>
  h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === GPH_SLACK_CHANNEL);

async function linkSlackChannel(user = SLACK_USERS.alex) {
  return slash(h, user, 'link gph', GPH_SLACK_CHANNEL);
}

async function decide(
  user = SLACK_USERS.adele,
  decision = 'pause_review',
  comment = 'Check with the Security Forum.',
) {
  const post = channelPosts()[0]!;
  const click = button(post.args.blocks, 'riskcheck.decide', (v) => v.decision === decision);
  const opensBefore = h.slack.callsTo('views.open').length;
  await h.postSlack(
    blockAction({
      user,
      actionId: click.actionId,
      value: click.value,
      channelId: GPH_SLACK_CHANNEL,
      messageTs: post.result?.ts,
    }),
  );
  const opened = h.slack.callsTo('views.open')[opensBefore];
  if (!opened || opened.args.view.callback_id !== DECISION_MODAL_CALLBACK_ID) return undefined;
  const modal = { ...opened.args.view, id: opened.result?.view?.id };
  return h.postSlack(
    viewSubmission({
      user,
      view: {
        id: modal.id,
        callback_id: modal.callback_id,
        private_metadata: modal.private_metadata,
        state: { values: { comment: { comment: { type: 'plain_text_input', value: comment } } } },
      },
    }),
  );
}

describe('Slack journey', () => {
  it('acknowledges /riskcheck and opens the welcome modal', async () => {
    const response = await slash(h, SLACK_USERS.alex);
    expect(response.status).toBe(200);
    const opened = h.slack.callsTo('views.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.args.trigger_id).toMatch(/^trigger-/);
    expect(button(opened[0]?.args.view.blocks, 'riskcheck.start')).toBeDefined();
  });

  it('tells the user where they typed /riskcheck when Slack does not open the modal', async () => {
    h.slack.failNext('views.open', { error: 'expired_trigger_id' });
    expect((await slash(h, SLACK_USERS.alex)).status).toBe(200);
    expect(h.slack.responses.at(-1)?.body).toEqual({ response_type: 'ephemeral', text: MODAL_NOT_OPENED });
    // Typed again, it opens.
    await slash(h, SLACK_USERS.alex);
    expect(button(lastModal(h).blocks, 'riskcheck.start')).toBeDefined();
  });

  it('runs a risk check in modals, sends the outcome by DM and to the department channel, and records a decision', async () => {
    await linkSlackChannel();
    expect(h.slack.responses.at(-1)?.body.text).toMatch(/linked/i);

    const { sessionId, outcomeModal } = await completeSlackRiskcheck(h, SLACK_USERS.alex, RISKY);
    expect(textOfBlocks(outcomeModal.blocks)).toContain('Animal Welfare Body');

    const stored = await h.bot.deps.store.getAssessment(sessionId);
    expect(stored?.submitter).toMatchObject({ platform: 'slack', userId: SLACK_USERS.alex.id });
    expect(stored?.answers.partner_country).toBe('CN');

    const dm = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === SLACK_USERS.alex.id);
    expect(dm).toHaveLength(1);
    expect(textOfBlocks(dm[0]?.args.blocks)).toContain('Animal Welfare Body');
    expect(channelPosts()).toHaveLength(1);

    const result = await decide();
    expect(result?.status).toBe(200);
    expect(result?.body).toEqual({ response_action: 'clear' });

    const updates = h.slack.callsTo('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.args).toMatchObject({ channel: GPH_SLACK_CHANNEL, ts: channelPosts()[0]?.result?.ts });
    expect(textOfBlocks(updates[0]?.args.blocks)).toMatch(/Pause and review/);
    expect(textOfBlocks(updates[0]?.args.blocks)).not.toContain('riskcheck.decide');

    const told = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === SLACK_USERS.alex.id);
    expect(told).toHaveLength(2);
    expect(JSON.stringify(told[1]?.args)).toMatch(/decided: Pause and review/);

    const after = await h.bot.deps.store.getAssessment(sessionId);
    expect(after?.decision).toMatchObject({
      value: 'pause_review',
      comment: 'Check with the Security Forum.',
    });
    expect((await h.bot.deps.store.listAudit({ subject: sessionId, action: 'decision.made' })).length).toBe(
      1,
    );
  });

  it('refuses a decision from someone who is not a decision maker with an ephemeral message', async () => {
    await linkSlackChannel();
    const { sessionId } = await completeSlackRiskcheck(h, SLACK_USERS.alex, RISKY);
    const before = await h.bot.deps.store.getAssessment(sessionId);
    const opensBefore = h.slack.callsTo('views.open').length;

    expect(await decide(SLACK_USERS.lynne)).toBeUndefined();
    expect(h.slack.callsTo('views.open')).toHaveLength(opensBefore);
    const refusal = h.slack.callsTo('chat.postEphemeral').at(-1);
    expect(refusal?.args).toMatchObject({ channel: GPH_SLACK_CHANNEL, user: SLACK_USERS.lynne.id });
    expect(refusal?.args.text).toMatch(/Only the configured decision makers/);

    expect(await h.bot.deps.store.getAssessment(sessionId)).toEqual(before);
    expect(h.slack.callsTo('chat.update')).toHaveLength(0);
    expect(await h.bot.deps.store.listAudit({ subject: sessionId, action: 'decision.refused' })).toHaveLength(
      1,
    );
  });

  it('retries a channel card update Slack refused after a decision, telling the submitter once', async () => {
    await linkSlackChannel();
    const { sessionId } = await completeSlackRiskcheck(h, SLACK_USERS.alex, RISKY);
    h.slack.failNext('chat.update', { error: 'internal_error' });
    expect((await decide())?.body).toEqual({ response_action: 'clear' });
    const accepted = () => h.slack.callsTo('chat.update').filter((c) => c.result?.ok === true);
    const told = () =>
      h.slack
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === SLACK_USERS.alex.id && /decided:/.test(JSON.stringify(c.args)));
    expect([accepted().length, told().length]).toEqual([0, 1]);
    expect((await h.bot.deps.store.getAssessment(sessionId))?.decision?.value).toBe('pause_review');

    await h.bot.reminders.sweep();
    expect(accepted()).toHaveLength(1);
    expect(textOfBlocks(accepted()[0]?.args.blocks)).toMatch(/Pause and review/);
    expect(told()).toHaveLength(1);
  });

  it('tells a second decision maker who already decided', async () => {
    await linkSlackChannel();
    const { sessionId } = await completeSlackRiskcheck(h, SLACK_USERS.alex, RISKY);
    await decide(SLACK_USERS.adele, 'proceed_with_measures', '');
    expect(await decide(SLACK_USERS.alex, 'do_not_proceed')).toBeUndefined();
    expect(h.slack.callsTo('chat.postEphemeral').at(-1)?.args.text).toMatch(
      /already decided by adele\.vance/,
    );
    expect((await h.bot.deps.store.getAssessment(sessionId))?.decision?.value).toBe('proceed_with_measures');
  });

  it('saves for later and resumes where the user was after a restart', async () => {
    await slash(h, SLACK_USERS.alex);
    const welcome = lastModal(h);
    await pressInModal(
      h,
      SLACK_USERS.alex,
      welcome,
      button(welcome.blocks, 'riskcheck.start').actionId,
      '{}',
    );
    const first = lastModal(h);
    const next = await submitModal(h, SLACK_USERS.alex, first, RISKY);
    const second = { ...next.body.view, id: first.id };
    const secondStep = metadataOf(second).stepId;
    const save = button(second.blocks, 'riskcheck.save');
    await pressInModal(h, SLACK_USERS.alex, second, save.actionId, save.value, { stage: 'ongoing' });
    expect(textOfBlocks(lastModal(h).blocks)).toMatch(/Saved/);

    await h.restart();
    h.slack.reset();
    await slash(h, SLACK_USERS.alex, 'resume');
    const resumed = lastModal(h);
    expect(metadataOf(resumed)).toMatchObject({ view: 'questionStep', stepId: secondStep });
    const session = await h.bot.deps.store.getSession(metadataOf(resumed).sessionId);
    expect(session?.answers).toMatchObject({ title: RISKY.title, partner_country: 'CN', stage: 'ongoing' });
  });

  it('answers a step submitted with a required answer missing with inline errors, keeping the modal', async () => {
    await slash(h, SLACK_USERS.alex);
    const welcome = lastModal(h);
    await pressInModal(
      h,
      SLACK_USERS.alex,
      welcome,
      button(welcome.blocks, 'riskcheck.start').actionId,
      '{}',
    );
    const first = lastModal(h);
    const response = await submitModal(h, SLACK_USERS.alex, first, { ...RISKY, title: '   ' });
    expect(response.status).toBe(200);
    expect(response.body.response_action).toBe('errors');
    expect(response.body.errors['q:title']).toBe('Please fill this in.');
    const session = await h.bot.deps.store.getSession(metadataOf(first).sessionId);
    expect(session?.stepId).toBe(metadataOf(first).stepId);
    expect(session?.answers.partner_country).toBe('CN');
  });

  it('asks Slack who the bot is once, not before every request', async () => {
    for (let i = 0; i < 5; i++) await slash(h, SLACK_USERS.alex, 'help');
    expect(h.slack.callsTo('views.open')).toHaveLength(5);
    expect(h.slack.callsTo('auth.test')).toHaveLength(1);
  });

  it('answers help, list and cancel', async () => {
    await slash(h, SLACK_USERS.alex, 'help');
    expect(textOfBlocks(lastModal(h).blocks)).toContain('Animal Welfare Body');
    await slash(h, SLACK_USERS.alex, 'cancel');
    expect(h.slack.responses.at(-1)?.body.response_type).toBe('ephemeral');
    await slash(h, SLACK_USERS.alex, 'list');
    expect(lastModal(h)).toBeDefined();
  });

  it('refuses to link a channel for someone who is not its head or an admin, and from a DM', async () => {
    await slash(h, SLACK_USERS.megan, 'link gph', GPH_SLACK_CHANNEL);
    expect(h.slack.responses.at(-1)?.body.text).toMatch(/Not allowed|Only the head/);
    await slash(h, SLACK_USERS.alex, 'link gph');
    expect(h.slack.responses.at(-1)?.body.text).toMatch(/channel/i);
    expect(await h.bot.deps.store.getLink('dept:gph:slack')).toBeUndefined();
  });

  it('posts an assessment started on Teams to both linked channels; a Slack decision updates the Teams card too', async () => {
    await linkGphChannel(h);
    await linkSlackChannel();
    const { sessionId } = await completeRiskcheck(h, USERS.alex, RISKY);
    expect(h.connector.callsTo(GPH_CHANNEL).filter((c) => c.kind === 'post')).toHaveLength(1);
    expect(channelPosts()).toHaveLength(1);

    await decide(SLACK_USERS.adele, 'proceed', 'Fine.');
    const teamsUpdate = h.connector.callsTo(GPH_CHANNEL).filter((c) => c.kind === 'update');
    expect(teamsUpdate).toHaveLength(1);
    expect(JSON.stringify(teamsUpdate[0]?.activity)).toMatch(/Proceed/);
    expect(h.slack.callsTo('chat.update')).toHaveLength(1);
    expect((await h.bot.deps.store.getAssessment(sessionId))?.decision?.by.platform).toBe('slack');

    // And the Teams card, once decided, refuses a second decision.
    const card = h.connector.cardsOf(h.connector.callsTo(GPH_CHANNEL).find((c) => c.kind === 'post')!)[0]!;
    const again = await press(h, USERS.adele, 'riskcheck.decide', actionWith(card, 'riskcheck.decide').data);
    expect(JSON.stringify(again.card)).toContain('adele.vance');
  });
});
