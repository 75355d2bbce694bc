/**
 * A Teams user's whole risk check against the real server, with the same activities the protocol
 * tests send: "riskcheck" typed in the personal chat, Start, every step's Next with its inputs
 * filled in, and Submit. The activities are kept so the echo baseline can receive the same ones.
 */
import { actionsOf, actionWith, invokeCard } from '../../test/helpers/card-reader.js';
import {
  channel,
  executeActivity,
  GPH_CHANNEL,
  messageActivity,
  type TeamsUser,
  USERS,
} from '../../test/helpers/teams-activities.js';
import { fillInputs } from '../../test/helpers/teams-journey.js';
import { type Journey, type Recorder, timedPost } from './driver.js';
import { createContext, randomAnswers, seededRandom } from './fixtures.js';

const JSON_HEADERS = { 'content-type': 'application/json' };
const CARD = 'application/vnd.microsoft.card.adaptive';

/** Recorded journeys: each is the list of activity bodies one user sent. */
export type Recording = string[][];

export function benchTeamsUser(n: number): TeamsUser {
  return {
    id: `bench-user-${n}`,
    name: `Bench User ${n}`,
    aadObjectId: `bench-aad-${String(n).padStart(8, '0')}`,
  };
}

/** Links the GPH channel (as its head), so every submission is also posted there, as in production. */
export async function linkTeamsChannel(botUrl: string, connectorUrl: string): Promise<void> {
  const activity = messageActivity(
    connectorUrl,
    USERS.alex,
    '<at>Riskcheck</at> link gph',
    channel(GPH_CHANNEL),
  );
  const result = await timedPost(
    undefined,
    'link',
    `${botUrl}/api/messages`,
    JSON.stringify(activity),
    JSON_HEADERS,
  );
  if (result.status >= 300) throw new Error(`linking the channel failed: ${result.status}`);
}

export function teamsJourney(
  botUrl: string,
  connectorUrl: string,
  recording?: Recording,
  keep = 200,
): Journey {
  const ctx = createContext();
  const url = `${botUrl}/api/messages`;
  return async (n: number, recorder: Recorder) => {
    const user = benchTeamsUser(n);
    const sent: string[] = [];
    // Different users answer differently, so conditional questions and flags vary as in real use.
    const plan = Object.fromEntries(
      Object.entries(randomAnswers(seededRandom(n * 7919 + recorder.journeys), ctx)).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.join(',') : v,
      ]),
    );
    const send = async (kind: string, activity: unknown) => {
      const body = JSON.stringify(activity);
      sent.push(body);
      return timedPost(recorder, kind, url, body, JSON_HEADERS);
    };
    const press = async (verb: string, data: Record<string, unknown>) => {
      // Per verb (`invoke:next`...), so the report shows which step of the journey is slow.
      const kind = `invoke:${verb.replace(/^riskcheck\./, '')}`;
      const result = await send(kind, executeActivity(connectorUrl, user, verb, data));
      if (result.body?.type !== CARD) {
        recorder.wrongAnswers++;
        throw new Error(`${verb} was not answered with a card: ${JSON.stringify(result.body).slice(0, 200)}`);
      }
      return invokeCard(result.body);
    };

    await send('message', messageActivity(connectorUrl, user, 'riskcheck'));
    let card = await press('riskcheck.start', {});
    for (let guard = 0; guard < 40; guard++) {
      const next = actionsOf(card).find((a) => a.verb === 'riskcheck.next');
      if (!next) break;
      card = await press('riskcheck.next', { ...next.data, ...fillInputs(card, plan) });
    }
    await press('riskcheck.submit', actionWith(card, 'riskcheck.submit').data);
    if (recording && recording.length < keep) recording.push(sent);
  };
}

/** The echo baseline's journey: the same activities, replayed in order, one recorded journey per user. */
export function teamsReplay(echoUrl: string, recording: Recording): Journey {
  const url = `${echoUrl}/api/messages`;
  return async (n: number, recorder: Recorder) => {
    const journey = recording[(n + recorder.journeys) % recording.length] ?? [];
    for (const body of journey) {
      const kind = body.includes('"type":"invoke"') ? 'invoke' : 'message';
      const result = await timedPost(recorder, kind, url, body, JSON_HEADERS);
      if (kind === 'invoke' && result.status !== 200) recorder.wrongAnswers++;
    }
  };
}
