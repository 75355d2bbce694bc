/**
 * Text a user typed reaches the department channel as text: no mentions, links, markdown or
 * template expressions come alive on Teams or Slack.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visibleText } from '../../cards/adaptive/escape.js';
import { type Harness, startHarness } from '../helpers/bot-harness.js';
import { completeSlackRiskcheck } from '../helpers/slack-journey.js';
import { GPH_SLACK_CHANNEL, SLACK_USERS, slashCommand } from '../helpers/slack-requests.js';
import { GPH_CHANNEL, USERS } from '../helpers/teams-activities.js';
import { completeRiskcheck, linkGphChannel } from '../helpers/teams-journey.js';

const HOSTILE_TITLE =
  '<!channel> <@U0ADELE01> **Urgent** {{DATE(2017-02-14T06:08:39Z, SHORT)}} ${$root.sessionId}';
const HOSTILE_PARTNER =
  '<https://evil.example|click> [link](https://evil.example) <at>Everyone</at> # Heading';
const PLAN = { department: 'gph', title: HOSTILE_TITLE, partner_name: HOSTILE_PARTNER };

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
});
afterEach(async () => {
  await h.close();
});

function collect(node: unknown, visit: (n: Record<string, any>) => void): void {
  if (Array.isArray(node)) for (const child of node) collect(child, visit);
  else if (node && typeof node === 'object') {
    visit(node as Record<string, any>);
    for (const value of Object.values(node)) collect(value, visit);
  }
}

describe('user text in posted outcomes', () => {
  it('stays literal text on the Teams approval card', async () => {
    await completeRiskcheck(h, USERS.alex, PLAN);
    const post = h.connector.callsTo(GPH_CHANNEL).find((c) => c.kind === 'post')!;
    const card = h.connector.cardsOf(post)[0];
    const runs: string[] = [];
    const blocks: string[] = [];
    collect(card, (n) => {
      if (n.type === 'TextRun') runs.push(n.text);
      if (n.type === 'TextBlock') blocks.push(n.text);
    });
    expect(runs.map(visibleText)).toContain(HOSTILE_TITLE);
    expect(runs.map(visibleText)).toContain(HOSTILE_PARTNER);
    expect(blocks.join('\n')).not.toContain('evil.example');
    expect(JSON.stringify(card)).not.toContain('{{DATE(');
    expect(JSON.stringify(card)).not.toContain('<at>Everyone');
  });

  it('cannot mention, link or format on Slack', async () => {
    await completeSlackRiskcheck(h, SLACK_USERS.alex, PLAN);
    const post = h.slack
      .callsTo('chat.postMessage')
      .find((c) => c.args.channel === GPH_SLACK_CHANNEL && c.result?.ok)!;
    const mrkdwn: string[] = [String(post.args.text)];
    collect(post.args.blocks, (n) => {
      if (n.type === 'mrkdwn') mrkdwn.push(n.text);
    });
    for (const text of mrkdwn) {
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<@U0ADELE01>');
      expect(text).not.toContain('<https://evil.example');
    }
    expect(JSON.stringify(post.args.blocks)).toContain('evil.example'); // shown, as text
  });
});
