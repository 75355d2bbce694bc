/**
 * Hostile and broken input over HTTP: every case gets a clear message and a fitting status, and
 * the store is exactly as it was before.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { actionWith, textOf } from '../helpers/card-reader.js';
import { executeActivity, messageActivity, USERS } from '../helpers/teams-activities.js';
import { fillInputs, press } from '../helpers/teams-journey.js';

let h: Harness;
let sessionId: string;
let stepId: string;
let firstCard: Record<string, unknown>;

beforeEach(async () => {
  h = await startHarness();
  firstCard = (await press(h, USERS.alex, 'riskcheck.start', {})).card!;
  const next = actionWith(firstCard, 'riskcheck.next');
  sessionId = String(next.data.sessionId);
  stepId = String(next.data.stepId);
});
afterEach(async () => {
  await h.close();
});

async function storeSnapshot(): Promise<string> {
  const session = await h.bot.deps.store.getSession(sessionId);
  const sessionsFile = await readFile(join(h.dataDir, 'sessions.jsonl'), 'utf8');
  return JSON.stringify({ session, sessionsFile });
}

function errorMessage(body: any): string {
  expect(body?.type).toBe('application/vnd.microsoft.error');
  return String(body.value.message);
}

describe('Teams bad input', () => {
  const malformedValues: [string, unknown][] = [
    ['no value at all', undefined],
    ['a string value', 'riskcheck.next'],
    [
      'an action that is not Action.Execute',
      { action: { type: 'Action.Submit', verb: 'riskcheck.next', data: {} } },
    ],
    ['a verb that is a number', { action: { type: 'Action.Execute', verb: 42, data: {} } }],
    ['data that is a list', { action: { type: 'Action.Execute', verb: 'riskcheck.next', data: [1, 2] } }],
  ];
  it.each(malformedValues)(
    'answers malformed invoke data (%s) with 400 and a message',
    async (_name, value) => {
      const before = await storeSnapshot();
      const activity = { ...executeActivity(h.connector.url, USERS.alex, 'riskcheck.next', {}), value };
      const response = await h.post('/api/messages', activity);
      expect(response.status).toBe(400);
      expect(errorMessage(response.body)).toMatch(/cannot read/);
      expect(await storeSnapshot()).toBe(before);
    },
  );

  it('answers an unknown verb with 400', async () => {
    const before = await storeSnapshot();
    const response = await h.post(
      '/api/messages',
      executeActivity(h.connector.url, USERS.alex, 'riskcheck.delete_everything', { sessionId }),
    );
    expect(response.status).toBe(400);
    expect(errorMessage(response.body)).toMatch(/not one I know/);
    expect(await storeSnapshot()).toBe(before);
  });

  it('refuses answers to questions that were not asked on this step', async () => {
    const before = await storeSnapshot();
    const response = await press(h, USERS.alex, 'riskcheck.next', {
      sessionId,
      stepId,
      ...fillInputs(firstCard, {}),
      'q:animal_abroad': 'yes',
    });
    expect(response.status).toBe(400);
    expect(errorMessage(response.body)).toMatch(/not on this step/);
    expect(await storeSnapshot()).toBe(before);
  });

  it('refuses a choice that was never offered', async () => {
    const before = await storeSnapshot();
    const response = await press(h, USERS.alex, 'riskcheck.next', {
      sessionId,
      stepId,
      ...fillInputs(firstCard, { partner_country: 'XX' }),
    });
    expect(response.status).toBe(400);
    expect(errorMessage(response.body).length).toBeGreaterThan(10);
    expect(await storeSnapshot()).toBe(before);
  });

  it('refuses oversized text with a message, keeping the store as it was', async () => {
    const before = await storeSnapshot();
    const response = await press(h, USERS.alex, 'riskcheck.next', {
      sessionId,
      stepId,
      ...fillInputs(firstCard, { title: 'x'.repeat(5000) }),
    });
    expect(response.status).toBe(400);
    expect(response.body.value.code).toBe('too_long');
    expect(await storeSnapshot()).toBe(before);
  });

  it('shows missing required answers on the same card without losing the others', async () => {
    const response = await press(h, USERS.alex, 'riskcheck.next', {
      sessionId,
      stepId,
      ...fillInputs(firstCard, { title: '' }),
    });
    expect(response.status).toBe(200);
    expect(actionWith(response.card, 'riskcheck.next').data.stepId).toBe(stepId);
    expect(textOf(response.card)).toContain('Please fill this in.');
    const session = await h.bot.deps.store.getSession(sessionId);
    expect(session?.answers.title).toBeUndefined();
    expect(session?.answers.partner_country).toBeDefined();
  });

  it('treats a double click on Next as one answer', async () => {
    const data = { sessionId, stepId, ...fillInputs(firstCard, {}) };
    const first = await press(h, USERS.alex, 'riskcheck.next', data);
    const afterFirst = await storeSnapshot();
    const second = await press(h, USERS.alex, 'riskcheck.next', data);
    expect(second.status).toBe(200);
    expect(textOf(second.card)).toMatch(/out of date/);
    expect(actionWith(second.card, 'riskcheck.next').data.stepId).toBe(
      actionWith(first.card, 'riskcheck.next').data.stepId,
    );
    expect(await storeSnapshot()).toBe(afterFirst);
  });

  it("refuses to act on someone else's risk check", async () => {
    const before = await storeSnapshot();
    const response = await press(h, USERS.megan, 'riskcheck.next', {
      sessionId,
      stepId,
      ...fillInputs(firstCard, {}),
    });
    expect(response.status).toBe(403);
    expect(errorMessage(response.body)).toMatch(/belongs to someone else/);
    expect(await storeSnapshot()).toBe(before);
  });

  it('answers an unknown session with 404', async () => {
    const response = await press(h, USERS.alex, 'riskcheck.next', { sessionId: 'no-such-session', stepId });
    expect(response.status).toBe(404);
    expect(errorMessage(response.body)).toMatch(/not found/);
  });

  it('refuses a decision value that is not one of the four', async () => {
    const response = await press(h, USERS.alex, 'riskcheck.decide', {
      assessmentId: sessionId,
      decision: 'approve_all',
    });
    expect([400, 404]).toContain(response.status);
    expect(errorMessage(response.body).length).toBeGreaterThan(5);
  });

  it('rejects bodies that are not activities', async () => {
    const before = await storeSnapshot();
    expect((await h.postRaw('/api/messages', '{not json')).status).toBe(400);
    expect((await h.post('/api/messages', [1, 2, 3])).status).toBe(400);
    expect((await h.post('/api/messages', { type: 'message', text: 'riskcheck' })).status).toBe(400);
    expect((await h.postRaw('/api/messages', JSON.stringify({ pad: 'x'.repeat(300_000) }))).status).toBe(413);
    expect(await storeSnapshot()).toBe(before);
  });

  it('ignores a repeated message activity (same id) instead of answering twice', async () => {
    const activity = messageActivity(h.connector.url, USERS.alex, 'help');
    await h.post('/api/messages', activity);
    await h.post('/api/messages', activity);
    expect(h.connector.calls.filter((c) => c.kind === 'reply')).toHaveLength(1);
  });

  it('does not crash on an invoke it does not handle', async () => {
    const activity = {
      ...executeActivity(h.connector.url, USERS.alex, 'x', {}),
      name: 'composeExtension/query',
    };
    const response = await h.post('/api/messages', activity);
    expect(response.status).toBe(501);
    expect((await h.post('/api/messages', messageActivity(h.connector.url, USERS.alex, 'help'))).status).toBe(
      200,
    );
  });
});
