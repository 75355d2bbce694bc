/**
 * Builders for real Bot Framework activities as Teams sends them: messages in a personal chat or
 * a team channel, and `adaptiveCard/action` invokes from Action.Execute buttons.
 */
import { randomUUID } from 'node:crypto';

export const TENANT_ID = '00000000-0000-0000-0000-0000000000001';

export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
}

/** The example organisation's people (config/example/organisation.yaml). */
export const USERS = {
  alex: { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
  megan: { id: 'user-id-1', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' },
  adele: { id: 'user-id-2', name: 'Adele Vance', aadObjectId: '00000000-0000-0000-0000-0000000000022' },
  patti: { id: 'user-id-4', name: 'Patti Fernandez', aadObjectId: '00000000-0000-0000-0000-0000000000024' },
  lynne: { id: 'user-id-5', name: 'Lynne Robbins', aadObjectId: '00000000-0000-0000-0000-0000000000025' },
} satisfies Record<string, TeamsUser>;

export const GPH_CHANNEL = '19:gph-general@thread.tacv2';

export interface Place {
  conversationId: string;
  conversationType: 'personal' | 'channel' | 'groupChat';
}

export function personalChat(user: TeamsUser): Place {
  return { conversationId: `a:personal-${user.id}`, conversationType: 'personal' };
}

export function channel(conversationId = GPH_CHANNEL): Place {
  return { conversationId, conversationType: 'channel' };
}

function base(serviceUrl: string, user: TeamsUser, place: Place) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: '28:riskcheck-bot', name: 'riskcheck' },
    conversation: { id: place.conversationId, conversationType: place.conversationType, tenantId: TENANT_ID },
    channelData: {
      tenant: { id: TENANT_ID },
      ...(place.conversationType === 'channel'
        ? { team: { id: '19:team@thread.tacv2' }, channel: { id: place.conversationId } }
        : {}),
    },
    locale: 'en-US',
  };
}

export function messageActivity(
  serviceUrl: string,
  user: TeamsUser,
  text: string,
  place = personalChat(user),
) {
  return { ...base(serviceUrl, user, place), type: 'message', text };
}

export function executeActivity(
  serviceUrl: string,
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  place = personalChat(user),
) {
  return {
    ...base(serviceUrl, user, place),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}
