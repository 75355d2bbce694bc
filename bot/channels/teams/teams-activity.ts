/**
 * The parts of an inbound Bot Framework activity riskcheck relies on, validated with zod. The
 * actor comes from `from.aadObjectId` of the authenticated activity: card data is never trusted
 * for identity.
 */
import { z } from 'zod';
import type { Actor } from '../../../dialogs/session.js';

const fromSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  aadObjectId: z.string().min(1).max(100).optional(),
});

export const executeInvokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
  trigger: z.string().optional(),
});

export type ExecuteInvokeValue = z.infer<typeof executeInvokeValueSchema>;

/**
 * Teams users are identified by their Entra object id. An activity without one (another
 * channel, a malformed client) gets a prefixed id that can never equal a configured object id,
 * so such a user can run a risk check but never decide or link.
 */
export function teamsActor(from: unknown): Actor | undefined {
  const parsed = fromSchema.safeParse(from);
  if (!parsed.success) return undefined;
  const { id, name, aadObjectId } = parsed.data;
  return {
    platform: 'teams',
    userId: aadObjectId ?? `bf-id:${id}`,
    displayName: (name ?? 'Colleague').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 100) || 'Colleague',
  };
}

/** The tenant an activity comes from (Teams puts it in channelData and conversation). */
export function activityTenantId(activity: {
  channelData?: unknown;
  conversation?: { tenantId?: string } | undefined;
}): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = channelData?.tenant?.id;
  if (typeof fromChannelData === 'string') return fromChannelData;
  return activity.conversation?.tenantId;
}

/** A channel post's conversation id carries `;messageid=` for threads: link the channel itself. */
export function channelConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0] ?? conversationId;
}
