/** The reminder sweep also applies the organisation's retention period to closed assessments. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { actionWith } from '../helpers/card-reader.js';
import { GPH_CHANNEL, USERS } from '../helpers/teams-activities.js';
import { completeRiskcheck, linkGphChannel, press } from '../helpers/teams-journey.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

it('anonymises a decided, ended collaboration once the retention period has passed', async () => {
  h.bot.deps.organisation.dataCare.retentionMonths = 24;
  await linkGphChannel(h);
  const { sessionId } = await completeRiskcheck(h, USERS.alex, {
    department: 'gph',
    stage: 'ending',
    title: 'Old project',
  });
  const card = h.connector.cardsOf(h.connector.callsTo(GPH_CHANNEL).find((c) => c.kind === 'post')!)[0]!;
  await press(h, USERS.adele, 'riskcheck.decide', {
    ...actionWith(card, 'riskcheck.decide').data,
    comment: '',
  });

  h.clock.advance(23 * 30 * 24 * 60 * 60_000);
  expect((await h.bot.reminders.sweep()).retention).toEqual({ anonymised: 0, deleted: 0 });
  expect((await h.bot.deps.store.getAssessment(sessionId))?.title).toBe('Old project');

  h.clock.advance(60 * 24 * 60 * 60_000);
  const report = await h.bot.reminders.sweep();
  expect(report.retention).toEqual({ anonymised: 1, deleted: 0 });
  const after = await h.bot.deps.store.getAssessment(sessionId);
  expect(after?.title).not.toBe('Old project');
  expect(after?.submitter.displayName).not.toBe('Alex Wilber');
  expect(after?.decision?.value).toBeDefined();
});
