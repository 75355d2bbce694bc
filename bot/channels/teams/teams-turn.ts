/**
 * One Teams turn: a typed command gets a card message back, a card button (`adaptiveCard/action`)
 * gets the next card in the invoke response. Activities from another tenant are refused, repeated
 * activity ids are ignored, and personal chats are remembered for later notifications.
 */
import type { TurnContext } from '@microsoft/agents-hosting';
import { isActionId } from '../../../dialogs/actions.js';
import type { Actor } from '../../../dialogs/session.js';
import type { AppDeps } from '../../app/app-deps.js';
import { userLinkKey } from '../../app/department-channels.js';
import { handleAction } from '../../app/handle-action.js';
import { handleCommand } from '../../app/handle-command.js';
import type { LinkTarget } from '../../app/link-channel.js';
import { cleanForLog } from '../../logger.js';
import { cardMessage } from './card-message.js';
import { errorInvokeResponse, type InvokeResponse, invokeResponseFor } from './invoke-response.js';
import {
  activityTenantId,
  channelConversationId,
  executeInvokeValueSchema,
  teamsActor,
} from './teams-activity.js';

export interface TeamsTurnOptions {
  /** When set, activities from any other tenant are refused. */
  tenantId?: string;
}

export function createTeamsTurnHandler(deps: AppDeps, options: TeamsTurnOptions) {
  return async function onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const tenant = activityTenantId(activity);
    if (options.tenantId && tenant !== options.tenantId) {
      deps.logger.warn(
        { tenant: cleanForLog(tenant ?? 'none', 60) },
        'refused a Teams activity from another tenant',
      );
      if (activity.type === 'invoke')
        await sendInvokeResponse(
          context,
          errorInvokeResponse(403, 'wrong_tenant', 'This bot serves another organisation.'),
        );
      return;
    }
    const actor = teamsActor(activity.from);
    if (activity.type === 'message') {
      if (!actor) return;
      await onMessage(context, actor);
    } else if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
      await sendInvokeResponse(context, actor ? await onCardAction(context, actor) : badRequest());
    } else if (activity.type === 'invoke') {
      await sendInvokeResponse(
        context,
        errorInvokeResponse(501, 'not_supported', 'This action is not supported.'),
      );
    }
  };

  async function onMessage(context: TurnContext, actor: Actor): Promise<void> {
    const activity = context.activity;
    if (
      activity.id &&
      !(await deps.store.markProcessed(`teams:activity:${activity.id}`, deps.clock.now().toISOString()))
    ) {
      deps.logger.info('ignored a repeated Teams activity');
      return;
    }
    const conversationType = activity.conversation?.conversationType;
    const inChannel = conversationType === 'channel' || conversationType === 'groupChat';
    if (!inChannel) await rememberPersonalChat(context, actor);
    const text = typeof activity.text === 'string' ? activity.text : '';
    const reply = await handleCommand(
      deps,
      actor,
      text,
      inChannel ? { channel: channelTarget(context) } : {},
    );
    if (reply.kind === 'view') await context.sendActivity(cardMessage(reply.view));
    else await context.sendActivity(reply.message);
  }

  async function onCardAction(context: TurnContext, actor: Actor): Promise<InvokeResponse> {
    const parsed = executeInvokeValueSchema.safeParse(context.activity.value);
    if (!parsed.success) return badRequest();
    const { verb, data } = parsed.data.action;
    if (!isActionId(verb)) {
      return errorInvokeResponse(
        400,
        'unknown_verb',
        'This button is not one I know. Type “riskcheck” to start again.',
      );
    }
    const conversationType = context.activity.conversation?.conversationType;
    if (conversationType !== 'channel' && conversationType !== 'groupChat')
      await rememberPersonalChat(context, actor);
    return invokeResponseFor(await handleAction(deps, actor, verb, data));
  }

  async function rememberPersonalChat(context: TurnContext, actor: Actor): Promise<void> {
    const activity = context.activity;
    const key = userLinkKey('teams', actor.userId);
    const existing = await deps.store.getLink(key);
    const conversationId = activity.conversation?.id;
    if (
      !conversationId ||
      (existing?.conversationId === conversationId && existing.serviceUrl === activity.serviceUrl)
    )
      return;
    await deps.store.saveLink({
      key,
      ...linkTargetOf(context, conversationId),
      linkedAt: deps.clock.now().toISOString(),
    });
  }

  function channelTarget(context: TurnContext): LinkTarget | undefined {
    const conversationId = context.activity.conversation?.id;
    return conversationId ? linkTargetOf(context, channelConversationId(conversationId)) : undefined;
  }

  function linkTargetOf(context: TurnContext, conversationId: string): LinkTarget {
    const activity = context.activity;
    const reference = JSON.parse(JSON.stringify(activity.getConversationReference())) as Record<
      string,
      unknown
    >;
    // Without the activity id, later posts start a new message instead of replying in this thread.
    delete reference.activityId;
    const tenantId = activityTenantId(activity);
    return {
      platform: 'teams',
      conversationId,
      ...(activity.serviceUrl ? { serviceUrl: activity.serviceUrl } : {}),
      ...(tenantId ? { tenantId } : {}),
      reference,
    };
  }
}

function badRequest(): InvokeResponse {
  return errorInvokeResponse(
    400,
    'malformed',
    'This card sent something I cannot read. Type “riskcheck” to start again.',
  );
}

async function sendInvokeResponse(context: TurnContext, response: InvokeResponse): Promise<void> {
  await context.sendActivity({ type: 'invokeResponse', value: response } as never);
}
