/**
 * Whole Teams journeys over HTTP against the real server: a risk check from start to outcome,
 * the outcome in the department channel, decisions by authorised and unauthorised people,
 * resume after a restart, and cancel.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { actionsOf, actionWith, inputsOf, textOf } from '../helpers/card-reader.js';
import { GPH_CHANNEL, messageActivity, personalChat, USERS } from '../helpers/teams-activities.js';
import {
  type AnswerPlan,
  answerAll,
  completeRiskcheck,
  fillInputs,
  linkGphChannel,
  press,
} from '../helpers/teams-journey.js';

const RISKY: AnswerPlan = {
  title: 'Malaria cohort with Partner University',
  partner_name: 'Partner University',
  partner_country: 'CN',
  collaboration_type: 'research',
  department: 'gph',
  scope: 'animal_experiments,personal_data',
  animal_abroad: 'yes',
  personal_data_transfer: 'unsure',
  benefits: 'scientific_quality',
};

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function channelPosts() {
  return h.connector.callsTo(GPH_CHANNEL).filter((c) => c.kind === 'post');
}

describe('Teams journey', () => {
  it('welcomes a user who types riskcheck with a card to start', async () => {
    const response = await h.post('/api/messages', messageActivity(h.connector.url, USERS.alex, 'riskcheck'));
    expect(response.status).toBe(200);
    const reply = h.connector.calls.at(-1)!;
    expect(reply.kind).toBe('reply');
    const card = h.connector.cardsOf(reply)[0];
    expect(actionWith(card, 'riskcheck.start').verb).toBe('riskcheck.start');
    expect(textOf(card)).toContain('Alex Wilber');
  });

  it('runs a risk check to an outcome, posts it to the department channel and records the decision', async () => {
    expect((await linkGphChannel(h)).status).toBe(200);
    const { outcomeCard, sessionId } = await completeRiskcheck(h, USERS.alex, RISKY);

    const outcomeText = textOf(outcomeCard);
    expect(outcomeText).toContain('Animal Welfare Body');
    expect(outcomeText).toContain('Data protection officer');
    expect(outcomeText).toMatch(/unsure/i);

    const stored = await h.bot.deps.store.getAssessment(sessionId);
    expect(stored?.questionnaireId).toBe('riskcheck_default');
    expect(stored?.questionnaireVersion).toBe(h.bot.deps.questionnaire.version);
    expect(stored?.answers.partner_country).toBe('CN');
    expect(['high', 'escalate']).toContain(stored?.level);
    expect(await h.bot.deps.store.getSession(sessionId)).toBeUndefined();

    const posts = channelPosts();
    expect(posts).toHaveLength(1);
    const approvalCard = h.connector.cardsOf(posts[0]!)[0]!;
    expect(textOf(approvalCard)).toContain('Malaria cohort with Partner University');
    const pause = actionWith(approvalCard, 'riskcheck.decide', (a) => a.data.decision === 'pause_review');

    // Adele is Global Public Health's immediate supervisor for research: she may decide.
    const decided = await press(h, USERS.adele, 'riskcheck.decide', {
      ...pause.data,
      comment: 'Talk to the Security Forum first.',
    });
    expect(decided.status).toBe(200);
    expect(textOf(decided.card)).toMatch(/Pause and review/);
    expect(textOf(decided.card)).toContain('Adele Vance');
    expect(textOf(decided.card)).toContain('Talk to the Security Forum first.');

    const updates = h.connector.callsTo(GPH_CHANNEL).filter((c) => c.kind === 'update');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.activityId).toBe(stored?.posts[0]?.messageId ?? 'activity-1');
    expect(textOf(h.connector.cardsOf(updates[0]!)[0])).toMatch(/Pause and review/);

    const toSubmitter = h.connector
      .callsTo(personalChat(USERS.alex).conversationId)
      .filter((c) => c.kind === 'post');
    expect(toSubmitter).toHaveLength(1);
    expect(textOf(h.connector.cardsOf(toSubmitter[0]!)[0])).toMatch(/Adele Vance decided: Pause and review/);

    const after = await h.bot.deps.store.getAssessment(sessionId);
    expect(after?.decision).toMatchObject({ value: 'pause_review', by: { userId: USERS.adele.aadObjectId } });
    const audit = await h.bot.deps.store.listAudit({ subject: sessionId });
    expect(audit.map((e) => e.action)).toEqual(['session.started', 'assessment.submitted', 'decision.made']);
  });

  it('refuses a decision from someone who is not a configured decision maker, changing nothing', async () => {
    await linkGphChannel(h);
    const { sessionId } = await completeRiskcheck(h, USERS.alex, RISKY);
    const approvalCard = h.connector.cardsOf(channelPosts()[0]!)[0]!;
    const proceed = actionWith(approvalCard, 'riskcheck.decide', (a) => a.data.decision === 'proceed');
    const before = await h.bot.deps.store.getAssessment(sessionId);

    // Lynne is in the tenant but decides nothing; Megan heads another department.
    for (const outsider of [USERS.lynne, USERS.megan]) {
      const refused = await press(h, outsider, 'riskcheck.decide', { ...proceed.data, comment: 'ok' });
      expect(refused.status).toBe(200);
      expect(textOf(refused.card)).toMatch(/Only the configured decision makers/);
    }
    // Card data cannot smuggle identity in: the user comes from the activity.
    const forged = await press(h, USERS.lynne, 'riskcheck.decide', {
      ...proceed.data,
      aadObjectId: USERS.alex.aadObjectId,
      from: { aadObjectId: USERS.alex.aadObjectId },
    });
    expect(textOf(forged.card)).toMatch(/Only the configured decision makers/);

    const after = await h.bot.deps.store.getAssessment(sessionId);
    expect(after).toEqual(before);
    expect(h.connector.calls.filter((c) => c.kind === 'update')).toHaveLength(0);
    const refusals = await h.bot.deps.store.listAudit({ subject: sessionId, action: 'decision.refused' });
    expect(refusals).toHaveLength(3);
  });

  it('answers a second decision with who already decided', async () => {
    await linkGphChannel(h);
    const { sessionId } = await completeRiskcheck(h, USERS.alex, RISKY);
    const approvalCard = h.connector.cardsOf(channelPosts()[0]!)[0]!;
    const proceed = actionWith(
      approvalCard,
      'riskcheck.decide',
      (a) => a.data.decision === 'proceed_with_measures',
    );
    const stop = actionWith(approvalCard, 'riskcheck.decide', (a) => a.data.decision === 'do_not_proceed');
    await press(h, USERS.adele, 'riskcheck.decide', { ...proceed.data, comment: '' });
    const second = await press(h, USERS.alex, 'riskcheck.decide', { ...stop.data, comment: '' });
    expect(textOf(second.card)).toMatch(/Proceed with measures/);
    expect(textOf(second.card)).toContain('Adele Vance');
    expect((await h.bot.deps.store.getAssessment(sessionId))?.decision?.value).toBe('proceed_with_measures');
  });

  it('keeps the outcome until the department channel is linked, then posts it there', async () => {
    const { outcomeCard, sessionId } = await completeRiskcheck(h, USERS.alex, RISKY);
    expect(textOf(outcomeCard)).toMatch(/riskcheck link gph/);
    expect(channelPosts()).toHaveLength(0);

    // Megan heads another department: she may not link Global Public Health's channel.
    await linkGphChannel(h, USERS.megan);
    expect(channelPosts()).toHaveLength(0);
    expect(await h.bot.deps.store.getLink('dept:gph:teams')).toBeUndefined();

    await linkGphChannel(h, USERS.patti); // International Office admin
    expect(channelPosts()).toHaveLength(1);
    expect((await h.bot.deps.store.getAssessment(sessionId))?.posts).toHaveLength(1);
  });

  it('resumes where the user left off after the server restarts', async () => {
    const started = await press(h, USERS.alex, 'riskcheck.start', {});
    const first = started.card!;
    const next = actionWith(first, 'riskcheck.next');
    const second = await press(h, USERS.alex, 'riskcheck.next', {
      ...next.data,
      ...fillInputs(first, RISKY),
    });
    const secondStep = actionWith(second.card, 'riskcheck.next').data.stepId;
    const save = actionWith(second.card, 'riskcheck.save');
    const saved = await press(h, USERS.alex, 'riskcheck.save', save.data);
    expect(textOf(saved.card)).toMatch(/saved/i);

    await h.restart();

    h.connector.reset();
    await h.post('/api/messages', messageActivity(h.connector.url, USERS.alex, 'resume'));
    const resumed = h.connector.cardsOf(h.connector.calls.at(-1)!)[0]!;
    expect(actionWith(resumed, 'riskcheck.next').data.stepId).toBe(secondStep);
    const session = await h.bot.deps.store.getSession(String(next.data.sessionId));
    expect(session?.answers.title).toBe(RISKY.title);
    expect(session?.answers.partner_country).toBe('CN');
  });

  it('saves from the review card and shows the review again on resume', async () => {
    const { sessionId, reviewCard } = await answerAll(h, USERS.alex, RISKY);
    const saved = await press(h, USERS.alex, 'riskcheck.save', actionWith(reviewCard, 'riskcheck.save').data);
    expect(saved.status).toBe(200);
    expect(textOf(saved.card)).toMatch(/saved/i);
    const resumed = await press(h, USERS.alex, 'riskcheck.resume', { sessionId });
    expect(actionWith(resumed.card, 'riskcheck.submit').data.sessionId).toBe(sessionId);
  });

  it('cancels a risk check in progress', async () => {
    const { sessionId, reviewCard } = await answerAll(h, USERS.alex, RISKY);
    const cancelled = await press(
      h,
      USERS.alex,
      'riskcheck.cancel',
      actionWith(reviewCard, 'riskcheck.cancel').data,
    );
    expect(cancelled.status).toBe(200);
    expect(textOf(cancelled.card)).toMatch(/cancelled/i);
    expect(await h.bot.deps.store.getSession(sessionId)).toBeUndefined();
    expect(await h.bot.deps.store.getAssessment(sessionId)).toBeUndefined();
  });

  it('edits a section from the review and returns to the review after that section', async () => {
    const { reviewCard, sessionId } = await answerAll(h, USERS.alex, RISKY);
    const edit = actionWith(reviewCard, 'riskcheck.edit');
    let card = (await press(h, USERS.alex, 'riskcheck.edit', edit.data)).card;
    const firstEdited = actionWith(card, 'riskcheck.next').data.stepId;
    expect(firstEdited).toBe(edit.data.stepId);
    const visited: unknown[] = [];
    // Editing walks the rest of the edited section only, then shows the review again.
    for (
      let guard = 0;
      guard < 5 && card && !actionsOf(card).some((a) => a.verb === 'riskcheck.submit');
      guard++
    ) {
      const next = actionWith(card, 'riskcheck.next');
      visited.push(next.data.stepId);
      card = (
        await press(h, USERS.alex, 'riskcheck.next', {
          ...next.data,
          ...fillInputs(card, { ...RISKY, title: 'Renamed study' }),
        })
      ).card;
    }
    expect(visited.every((id) => String(id).startsWith('context.'))).toBe(true);
    expect(actionWith(card, 'riskcheck.submit').data.sessionId).toBe(sessionId);
    expect(textOf(card)).toContain('Renamed study');
  });

  it('goes back a step keeping what was typed', async () => {
    const first = (await press(h, USERS.alex, 'riskcheck.start', {})).card!;
    const next = actionWith(first, 'riskcheck.next');
    const second = (
      await press(h, USERS.alex, 'riskcheck.next', { ...next.data, ...fillInputs(first, RISKY) })
    ).card!;
    const back = actionWith(second, 'riskcheck.back');
    const again = (await press(h, USERS.alex, 'riskcheck.back', { ...back.data, 'q:stage': 'ongoing' }))
      .card!;
    expect(actionWith(again, 'riskcheck.next').data.stepId).toBe(next.data.stepId);
    expect(inputsOf(again).find((i) => i.id === 'q:title')?.value).toBe(RISKY.title);
    const session = await h.bot.deps.store.getSession(String(next.data.sessionId));
    expect(session?.answers.stage).toBe('ongoing');
  });
});
