/**
 * Where a department's outcomes go on each platform: the channel configured for it, or the one
 * linked by its head with `riskcheck link <department>` (stored as a conversation reference).
 */
import type { Organisation } from '../../dialogs/organisation/schema.js';
import type { Platform } from '../../dialogs/session.js';
import type { ConversationLink, RiskcheckStore } from '../../storage/store.js';

export function departmentLinkKey(departmentId: string, platform: Platform): string {
  return `dept:${departmentId}:${platform}`;
}

export function userLinkKey(platform: Platform, userId: string): string {
  return `user:${platform}:${userId}`;
}

export async function departmentChannels(
  store: RiskcheckStore,
  organisation: Organisation,
  departmentId: string,
): Promise<ConversationLink[]> {
  const department = organisation.departments.find((d) => d.id === departmentId);
  const links: ConversationLink[] = [];
  for (const platform of ['teams', 'slack'] as const) {
    const stored = await store.getLink(departmentLinkKey(departmentId, platform));
    if (stored) {
      links.push(stored);
      continue;
    }
    const configured = configuredLink(department?.channels, departmentId, platform);
    if (configured) links.push(configured);
  }
  return links;
}

function configuredLink(
  channels: Organisation['departments'][number]['channels'] | undefined,
  departmentId: string,
  platform: Platform,
): ConversationLink | undefined {
  const key = departmentLinkKey(departmentId, platform);
  if (platform === 'teams' && channels?.teams) {
    const { conversationId, serviceUrl, tenantId } = channels.teams;
    return {
      key,
      platform,
      conversationId,
      serviceUrl,
      ...(tenantId ? { tenantId } : {}),
      linkedAt: '1970-01-01T00:00:00.000Z',
    };
  }
  if (platform === 'slack' && channels?.slack) {
    return { key, platform, conversationId: channels.slack.channelId, linkedAt: '1970-01-01T00:00:00.000Z' };
  }
  return undefined;
}

/**
 * The conversation an earlier post went to, so it can be updated: the department channel it was
 * posted in (linked or configured), or a bare reference by id (enough for Slack; a Teams update
 * then fails and is logged, since Teams needs the stored service URL).
 */
export async function linkForPost(
  store: RiskcheckStore,
  organisation: Organisation,
  departmentId: string,
  post: { platform: Platform; conversationId: string; postedAt?: string },
): Promise<ConversationLink> {
  const channels = await departmentChannels(store, organisation, departmentId);
  return (
    channels.find((l) => l.platform === post.platform && l.conversationId === post.conversationId) ?? {
      key: `post:${post.platform}:${post.conversationId}`,
      platform: post.platform,
      conversationId: post.conversationId,
      linkedAt: post.postedAt ?? '1970-01-01T00:00:00.000Z',
    }
  );
}
