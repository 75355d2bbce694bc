/**
 * Micro-benchmark of riskcheck's own work per Teams turn, without HTTP and without the Agents
 * SDK's request handling (both shared with the echo baseline): whole journeys ("riskcheck", Start,
 * every Next with its inputs filled, Submit) through the production turn handler, the real
 * embedded store (in a temp directory) and card rendering, plus the JSON serialisation express
 * does of each response. CPU µs per turn by request kind, the median of several rounds, so
 * changes to the dialog core, the store or the cards can be judged without the load benchmark's
 * run-to-run noise. Run: `npx tsx bench/micro/teams-turns.ts` (compiled code is faster; the
 * comparison between two versions is what counts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { createTeamsTurnHandler } from '../../bot/channels/teams/teams-turn.js';
import { startRiskcheck } from '../../bot/start.js';
import { actionsOf, actionWith } from '../../test/helpers/card-reader.js';
import { localRuntime } from '../../test/helpers/local-runtime.js';
import { executeActivity, messageActivity, type TeamsUser } from '../../test/helpers/teams-activities.js';
import { fillInputs } from '../../test/helpers/teams-journey.js';
import { createContext, randomAnswers, seededRandom } from '../lib/fixtures.js';

const SERVICE_URL = 'http://127.0.0.1:9/';
const ROUNDS = 5;
const JOURNEYS_PER_ROUND = 60;
/** Users come back for more journeys, as in the load benchmark (their chat is remembered once). */
const USERS = 20;

const dataDir = await mkdtemp(join(tmpdir(), 'riskcheck-micro-turns-'));
const bot = await startRiskcheck({ runtime: localRuntime(dataDir) });
const onTurn = createTeamsTurnHandler(bot.deps, {});
const ctx = createContext();
const cpuByKind = new Map<string, number[]>();

/** One turn: the activity is parsed by the SDK outside the measurement, as for the echo. */
async function turn(kind: string, raw: object, samples: Map<string, number>): Promise<unknown> {
  const activity = Activity.fromObject(raw);
  let sent: unknown;
  const context = {
    activity,
    sendActivity: async (outgoing: unknown) => {
      sent = outgoing;
      return { id: 'x' };
    },
  } as unknown as TurnContext;
  const before = process.cpuUsage();
  await onTurn(context);
  // What express does with the invoke response or the connector client with the message.
  JSON.stringify(sent);
  const used = process.cpuUsage(before);
  samples.set(kind, (samples.get(kind) ?? 0) + used.user + used.system);
  return sent;
}

async function journey(n: number, samples: Map<string, number>, counts: Map<string, number>): Promise<void> {
  const u = n % USERS;
  const user: TeamsUser = { id: `micro-${u}`, name: `Micro ${u}`, aadObjectId: `micro-aad-${u}` };
  const plan = Object.fromEntries(
    Object.entries(randomAnswers(seededRandom(n), ctx)).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.join(',') : v,
    ]),
  );
  const count = (kind: string) => counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const press = async (kind: string, verb: string, data: Record<string, unknown>) => {
    count(kind);
    const sent = (await turn(kind, executeActivity(SERVICE_URL, user, verb, data), samples)) as {
      value: { body: { value: unknown } };
    };
    return sent.value.body.value;
  };
  count('message');
  await turn('message', messageActivity(SERVICE_URL, user, 'riskcheck'), samples);
  let card = await press('start', 'riskcheck.start', {});
  for (let guard = 0; guard < 40; guard++) {
    const next = actionsOf(card).find((a) => a.verb === 'riskcheck.next');
    if (!next) break;
    card = await press('next', 'riskcheck.next', { ...next.data, ...fillInputs(card, plan) });
  }
  await press('submit', 'riskcheck.submit', actionWith(card, 'riskcheck.submit').data);
}

try {
  let user = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    const samples = new Map<string, number>();
    const counts = new Map<string, number>();
    for (let i = 0; i < JOURNEYS_PER_ROUND; i++) await journey(user++, samples, counts);
    // Round 0 warms up the JIT and the store.
    if (round === 0) continue;
    let all = 0;
    let turns = 0;
    for (const [kind, us] of samples) {
      const n = counts.get(kind) ?? 1;
      (cpuByKind.get(kind) ?? cpuByKind.set(kind, []).get(kind))?.push(us / n);
      all += us;
      turns += n;
    }
    (cpuByKind.get('all') ?? cpuByKind.set('all', []).get('all'))?.push(all / turns);
  }
  console.log('kind       CPU µs per turn (median of rounds)');
  for (const [kind, values] of cpuByKind) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`${kind.padEnd(10)} ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(0).padStart(6)}`);
  }
} finally {
  await bot.close();
  await rm(dataDir, { recursive: true, force: true });
}
