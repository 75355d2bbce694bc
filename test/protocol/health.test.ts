/**
 * `/healthz` for the IT admin's probe: 200 while the store saves, 503 naming the problem once a
 * failed disk write makes it refuse every save, so the probe restarts the bot. Users on either
 * platform are told saving is not possible right now, not left with a card that does nothing.
 */
import { afterEach, beforeEach, describe, expect, it, type vi } from 'vitest';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { spyOnFileHandles } from '../helpers/file-handle-spy.js';
import { slash } from '../helpers/slack-journey.js';
import { SLACK_USERS, viewSubmission } from '../helpers/slack-requests.js';
import { USERS } from '../helpers/teams-activities.js';
import { press } from '../helpers/teams-journey.js';

let h: Harness;
let writev: ReturnType<typeof vi.spyOn>;
beforeEach(async () => {
  h = await startHarness();
  writev = await spyOnFileHandles('writev');
});
afterEach(async () => {
  writev.mockRestore();
  await h.close();
});

const health = async () => {
  const response = await fetch(`${h.bot.url}/healthz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('GET /healthz', () => {
  it('answers 200 while the store saves, and 503 naming the journal once a write failed', async () => {
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', mode: 'development' } });

    writev.mockRejectedValueOnce(
      Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
    );
    const started = await press(h, USERS.alex, 'riskcheck.start', {});
    // The user is told why instead of getting a card that was never saved, and not to retry at once.
    expect(started.status).toBe(500);
    expect(started.body.value.message).toMatch(/cannot save anything right now.*try again later/);

    expect(await health()).toEqual({
      status: 503,
      body: {
        status: 'failing',
        problem: 'writing sessions.jsonl failed (ENOSPC: no space left on device, write)',
        mode: 'development',
        questionnaire: expect.stringMatching(/@/),
      },
    });
  });

  it('tells Slack users too, where Slack shows it, without running the request', async () => {
    writev.mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }));
    await press(h, USERS.alex, 'riskcheck.start', {});
    expect((await health()).status).toBe(503);

    const command = await slash(h, SLACK_USERS.alex);
    expect(command).toMatchObject({ status: 200, body: { response_type: 'ephemeral' } });
    expect(command.body.text).toMatch(/cannot save anything right now/);
    expect(h.slack.callsTo('views.open')).toHaveLength(0);

    const submitted = await h.postSlack(
      viewSubmission({
        user: SLACK_USERS.alex,
        view: { id: 'V0STEP', callback_id: 'riskcheck.modal', state: { values: {} } },
      }),
    );
    expect(submitted.body.response_action).toBe('update');
    expect(JSON.stringify(submitted.body.view)).toMatch(/cannot save anything right now/);
  });
});
