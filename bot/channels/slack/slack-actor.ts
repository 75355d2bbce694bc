/**
 * The Slack user behind a request, from the signed payload's own user id (slash command
 * `user_id`, interaction `user.id`), never from button values or metadata.
 */
import type { Actor } from '../../../dialogs/session.js';
import type { AppDeps } from '../../app/app-deps.js';
import { userLinkKey } from '../../app/department-channels.js';

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

export function slackActor(userId: unknown, name: unknown): Actor | undefined {
  if (typeof userId !== 'string' || !SLACK_USER_ID.test(userId)) return undefined;
  const displayName =
    typeof name === 'string' ? name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 100) : '';
  return { platform: 'slack', userId, displayName: displayName || userId };
}

/** A DM is addressed by the user id itself; remember it so decisions can be sent there. */
export async function rememberSlackUser(deps: AppDeps, actor: Actor): Promise<void> {
  const key = userLinkKey('slack', actor.userId);
  if (await deps.store.getLink(key)) return;
  await deps.store.saveLink({
    key,
    platform: 'slack',
    conversationId: actor.userId,
    linkedAt: deps.clock.now().toISOString(),
  });
}
