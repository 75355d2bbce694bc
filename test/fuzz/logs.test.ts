/**
 * User text cannot break out into the logs: `cleanForLog` strips control characters and caps
 * length for any value, and the real server, fed forged log records, ANSI escapes and 100 KB
 * strings through Teams and Slack, writes only single-line pino JSON records of bounded length.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanForLog } from '../../bot/logger.js';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { actionWith } from '../helpers/card-reader.js';
import { SLACK_USERS, signedHeaders, slashCommand } from '../helpers/slack-requests.js';
import { executeActivity, messageActivity, USERS } from '../helpers/teams-activities.js';
import { press } from '../helpers/teams-journey.js';
import { FUZZ_SEED, hostileJson, hostileString } from './arbitraries.js';
import { capturedLogger } from './server-fuzz-helpers.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const FORGED = '\n{"level":50,"msg":"forged"}\n';
const ANSI = '\u001b[31mALERT\u001b[0m\r\u001b[2K';
/** What an HTTP header can carry: C1 controls such as the 8-bit CSI (U+009B) and NEL (U+0085). */
const HEADER_ESCAPES = '\u009b31mALERT\u0085\t';
const hostile = (size: number) => `${FORGED}${ANSI}${'x'.repeat(size)}${FORGED}`;

describe('cleanForLog', () => {
  it('strips control characters and caps the length of any value', () => {
    const value = fc.oneof(
      hostileString(50_000, [FORGED, ANSI]),
      hostileJson({ extra: [FORGED, ANSI] }),
      fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withBoxedValues: true }),
    );
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 5_000 }), (v, max) => {
        const cleaned = cleanForLog(v, max);
        expect(cleaned).not.toMatch(CONTROL);
        expect(cleaned.length).toBeLessThanOrEqual(max + 1);
      }),
      { numRuns: 300, seed: FUZZ_SEED },
    );
  });

  it('does not throw on values JSON cannot represent', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const value of [10n, cycle, Symbol('s'), () => 1, undefined, Object.create(null)]) {
      expect(cleanForLog(value)).not.toMatch(CONTROL);
    }
  });
});

describe('log lines written by the server', () => {
  const log = capturedLogger('debug');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ logger: log.logger });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('are single-line pino records without forged lines, control characters or floods', async () => {
    const teams = h.connector.url;
    const named = (name: string) => ({ ...USERS.lynne, name });
    // Teams: a user with a hostile name, hostile message text, an unknown verb, hostile card data.
    await h.post('/api/messages', messageActivity(teams, named(hostile(100)), hostile(100_000)));
    await h.post('/api/messages', messageActivity(teams, named(hostile(10)), hostile(1_000)));
    await h.post('/api/messages', executeActivity(teams, USERS.lynne, hostile(50), { x: hostile(100) }));
    await h.post(
      '/api/messages',
      executeActivity(teams, USERS.lynne, 'riskcheck.next', { sessionId: hostile(50) }),
    );
    await h.post('/api/messages', {
      ...messageActivity(teams, USERS.lynne, 'x'),
      from: hostile(100),
      conversation: [],
    });
    await h.postRaw('/api/messages', hostile(100_000));
    const next = actionWith((await press(h, USERS.lynne, 'riskcheck.start', {})).card, 'riskcheck.next');
    const answers = { ...next.data, [`q:${hostile(10)}`]: hostile(10_000) };
    await h.post('/api/messages', executeActivity(teams, USERS.lynne, 'riskcheck.next', answers));
    // Slack: hostile command text (accepted and oversized), a forged retry header on a replay.
    const responseUrl = h.slack.responseUrl('logs');
    await h.postSlack(slashCommand({ user: SLACK_USERS.lynne, text: hostile(3_000), responseUrl }));
    await h.postSlack(slashCommand({ user: SLACK_USERS.lynne, text: hostile(100_000), responseUrl }));
    const replay = slashCommand({ user: SLACK_USERS.lynne, text: 'help', responseUrl });
    await h.postSlack(replay);
    await h.postSlack(replay, { 'x-slack-retry-num': `${HEADER_ESCAPES}${'9'.repeat(8_000)}` });
    await h.postRaw('/slack/events', hostile(1_000), {
      ...signedHeaders(replay, h.clock.now().getTime(), 'wrong-secret'),
      'x-slack-retry-num': HEADER_ESCAPES,
    });
    await h.bot.deps.work.settled();
    await new Promise((resolve) => setTimeout(resolve, 5));

    // The rejected answer, the replay and the refused signature at least.
    expect(log.lines.length).toBeGreaterThanOrEqual(3);
    for (const line of log.lines) {
      expect(line.endsWith('\n')).toBe(true);
      const body = line.slice(0, -1);
      expect(body).not.toContain('\n');
      expect(body.length, body.slice(0, 200)).toBeLessThanOrEqual(4_096);
      const record = JSON.parse(body) as Record<string, unknown>;
      expect(typeof record.level).toBe('number');
      expect(typeof record.time).toBe('number');
      expect(record.msg).not.toBe('forged');
      for (const text of strings(record)) expect(text, body.slice(0, 300)).not.toMatch(CONTROL);
    }
  });
});

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
