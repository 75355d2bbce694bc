/**
 * Fuzzes `/api/messages` on the real server: hostile `adaptiveCard/action` invokes (random verbs,
 * metadata, answers and oversized fields), raw bodies and activities of random shape. Every
 * request gets a status below 500 with a readable refusal, the dialog and outcome files stay
 * byte-identical, and the server keeps answering.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, ACTIONS } from '../../dialogs/actions.js';
import { computeSteps } from '../../dialogs/questionnaire/steps.js';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { actionWith } from '../helpers/card-reader.js';
import { executeActivity, messageActivity, type TeamsUser, USERS } from '../helpers/teams-activities.js';
import { press } from '../helpers/teams-journey.js';
import { FUZZ_SEED, hostileJson, hostileObject, hostileString, hugeString } from './arbitraries.js';
import {
  capturedLogger,
  expectHealthy,
  expectReadableRefusal,
  storeFiles,
  trackUnhandledRejections,
} from './server-fuzz-helpers.js';

/** Someone who owns no risk check, so nothing they send may change the dialog or outcome files. */
const STRANGER: TeamsUser = { id: 'fuzz-user', name: 'Fuzz Stranger', aadObjectId: 'fuzz-aad-0001' };
const run = (numRuns: number) => ({ numRuns, seed: FUZZ_SEED });

let h: Harness;
let sessionId: string;
let stepId: string;
let stepIds: string[];
const rejections = trackUnhandledRejections();
const log = capturedLogger();

beforeAll(async () => {
  h = await startHarness({ logger: log.logger });
  const started = await press(h, USERS.alex, ACTIONS.start, {});
  const next = actionWith(started.card, ACTIONS.next);
  sessionId = String(next.data.sessionId);
  stepId = String(next.data.stepId);
  stepIds = computeSteps(h.bot.deps.questionnaire).map((s) => s.id);
});
afterAll(async () => {
  rejections.stop();
  await h?.close();
  expect(rejections.seen).toEqual([]);
  expect(log.failures()).toEqual([]);
});

/** Card data: known metadata fields with real or hostile values, `q:` answers, random extras. */
const cardData = () =>
  fc
    .record(
      {
        sessionId: fc.oneof(fc.constant(sessionId), hostileJson({ depth: 1 })),
        stepId: fc.oneof(fc.constantFrom(...stepIds), hostileJson({ depth: 1 })),
        assessmentId: fc.oneof(fc.constant(sessionId), hostileString(200)),
        decision: hostileJson({ depth: 1, extra: ['proceed', 'do_not_proceed'] }),
        comment: fc.oneof(hostileString(2_000), hugeString(300_000)),
        reminderId: hostileString(300),
        answers: fc.array(fc.tuple(hostileString(60, ['title', 'scope']), hostileJson({ depth: 3 })), {
          maxLength: 6,
        }),
        extra: hostileObject({ depth: 3 }),
      },
      { requiredKeys: ['answers'] },
    )
    .map(({ answers, extra, ...meta }) => ({
      ...extra,
      ...meta,
      ...Object.fromEntries(answers.map(([k, v]) => [`q:${k}`, v])),
    }));

const verb = fc.oneof(
  fc.constantFrom(...ACTION_IDS.filter((v) => v !== ACTIONS.start)),
  hostileString(200, ['riskcheck.', 'RISKCHECK.NEXT']),
);

describe('Teams adaptiveCard/action fuzz', () => {
  it('refuses hostile invokes from a user without a risk check, changing nothing', async () => {
    const before = await storeFiles(h);
    const value = fc.oneof(
      { weight: 1, arbitrary: hostileJson({ extra: ['Action.Execute', ...ACTION_IDS] }) },
      {
        weight: 4,
        arbitrary: fc.record({
          action: fc.record({ type: fc.constant('Action.Execute'), verb, data: cardData() }),
          trigger: fc.constant('manual'),
        }),
      },
    );
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        const activity = { ...executeActivity(h.connector.url, STRANGER, ACTIONS.next, {}), value: v };
        const response = await h.post('/api/messages', activity);
        expectReadableRefusal(response);
        if (response.status === 200)
          expect(response.body?.type).toBe('application/vnd.microsoft.card.adaptive');
        expect(await storeFiles(h)).toBe(before);
      }),
      run(350),
    );
    await expectHealthy(h);
  });

  it('refuses garbage answers on the owner’s own session without storing them', async () => {
    const before = await storeFiles(h);
    const unknownKey = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'sessionId', 'nope', ''),
      hostileString(100),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(ACTIONS.next, ACTIONS.back, ACTIONS.save),
        fc.oneof(fc.constant(stepId), fc.constantFrom(...stepIds)),
        unknownKey,
        hostileJson({ depth: 2, huge: 50_000 }),
        cardData(),
        async (verbName, step, key, garbage, data) => {
          // Not a question id of the questionnaire: the whole submission must be refused.
          const questionKey = stepIds.includes(key) ? `${key}_x` : key;
          const payload = { ...data, sessionId, stepId: step, [`q:${questionKey}`]: garbage };
          const response = await h.post(
            '/api/messages',
            executeActivity(h.connector.url, USERS.alex, verbName, payload),
          );
          expectReadableRefusal(response);
          expect(await storeFiles(h)).toBe(before);
        },
      ),
      run(150),
    );
  });

  it('answers raw bodies and activities of any shape below 500 and stays up', async () => {
    const before = await storeFiles(h);
    const activity = fc
      .record({
        type: fc.oneof(
          fc.constantFrom('message', 'invoke', 'conversationUpdate', 'event'),
          hostileString(50),
        ),
        name: fc.oneof(fc.constant('adaptiveCard/action'), hostileString(50)),
        text: hostileString(20_000, ['riskcheck', 'help', 'resume', 'link gph']),
        fields: hostileObject({ depth: 3 }),
        from: fc.oneof(fc.constant(STRANGER as unknown), hostileJson({ depth: 2 })),
        conversation: hostileJson({ depth: 2 }),
      })
      .map(({ fields, ...rest }) => ({
        ...messageActivity(h.connector.url, STRANGER, ''),
        ...fields,
        ...rest,
        serviceUrl: h.connector.url,
      }));
    const raw = fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
      fc.string({ unit: 'binary', maxLength: 500 }),
      hostileJson({ depth: 4 }).map((v) => JSON.stringify(v) ?? 'undefined'),
      activity.map((a) => JSON.stringify(a)),
      hugeString(400_000),
    );
    await fc.assert(
      fc.asyncProperty(
        raw,
        fc.constantFrom('application/json', 'text/plain', 'application/json; charset=latin1'),
        async (body, type) => {
          const response = await fetch(`${h.bot.url}/api/messages`, {
            method: 'POST',
            body,
            headers: { 'content-type': type },
          });
          const text = await response.text();
          expect(response.status, text.slice(0, 300)).toBeLessThan(500);
          expect(await storeFiles(h)).toBe(before);
        },
      ),
      run(250),
    );
    await expectHealthy(h);
  });
});
