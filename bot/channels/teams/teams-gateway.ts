/**
 * Proactive posting for Teams: sends or updates an Adaptive Card in a stored conversation with
 * the Agents SDK's continueConversation. Outbound calls go to the conversation's serviceUrl.
 */

import type { ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import type { JwtPayload } from 'jsonwebtoken';
import type { ViewModel } from '../../../dialogs/views/view-model.js';
import type { ConversationLink } from '../../../storage/store.js';
import type { ChannelGateway } from '../../app/channel-gateway.js';
import { cardMessage } from './card-message.js';

export function createTeamsGateway(adapter: CloudAdapter, identity: string | JwtPayload): ChannelGateway {
  return {
    platform: 'teams',
    async post(link, view) {
      let messageId: string | undefined;
      await proactively(adapter, identity, link, async (context) => {
        // The SDK gives the continuation a random id and would send a reply to it; a proactive
        // post must start a new message in the channel or chat instead.
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) activity.replyToId = undefined;
          return next();
        });
        const response = await context.sendActivity(cardMessage(view));
        messageId = response?.id;
      });
      if (!messageId) throw new Error('Teams did not return an id for the posted message');
      return { messageId };
    },
    async update(link, messageId, view: ViewModel) {
      await proactively(adapter, identity, link, async (context) => {
        const update = cardMessage(view);
        update.id = messageId;
        update.conversation = context.activity.conversation;
        update.serviceUrl = context.activity.serviceUrl;
        await context.updateActivity(update);
      });
    },
  };
}

/**
 * Runs proactive work and lets its failure reach the caller. Left alone, an error inside the
 * callback goes to the adapter's onTurnError (meant for user turns), which would swallow it and
 * post an apology into the channel; the caller needs the error (status, Retry-After) to retry.
 */
async function proactively(
  adapter: CloudAdapter,
  identity: string | JwtPayload,
  link: ConversationLink,
  work: (context: TurnContext) => Promise<void>,
): Promise<void> {
  let failure: unknown;
  await adapter.continueConversation(identity, referenceFor(link), async (context) => {
    try {
      await work(context);
    } catch (error) {
      failure = error ?? new Error('proactive Teams call failed');
    }
  });
  if (failure !== undefined) throw failure;
}

function referenceFor(link: ConversationLink): ConversationReference {
  const stored = (link.reference ?? {}) as Partial<ConversationReference>;
  return {
    ...stored,
    channelId: 'msteams',
    serviceUrl: link.serviceUrl ?? stored.serviceUrl ?? '',
    conversation: {
      ...(stored.conversation ?? {}),
      id: link.conversationId,
      ...(link.tenantId ? { tenantId: link.tenantId } : {}),
    },
  } as ConversationReference;
}
