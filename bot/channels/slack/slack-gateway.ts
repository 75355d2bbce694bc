/**
 * Posting for Slack: `chat.postMessage` into a department channel or a user's DM (the user id
 * works as the channel), `chat.update` to turn an approval request into its resolved state.
 */
import { renderSlackMessage } from '../../../cards/block-kit/render-slack.js';
import type { ChannelGateway } from '../../app/channel-gateway.js';
import type { SlackWebApi } from './slack-web-api.js';

export function createSlackGateway(client: SlackWebApi): ChannelGateway {
  return {
    platform: 'slack',
    async post(link, view) {
      const response = await client.chat.postMessage({
        channel: link.conversationId,
        ...renderSlackMessage(view),
      });
      if (!response.ts) throw new Error('Slack did not return a timestamp for the posted message');
      return { messageId: response.ts };
    },
    async update(link, messageId, view) {
      await client.chat.update({ channel: link.conversationId, ts: messageId, ...renderSlackMessage(view) });
    },
  };
}
