/**
 * Where a reminder goes: department channels (linked or configured), or people's direct
 * messages. A Slack DM needs only the member id; a Teams DM needs the conversation the person
 * once had with the bot, so people who never used it are reached through the channel instead.
 */
import type { Department, Organisation, Person } from '../../dialogs/organisation/schema.js';
import type { ConversationLink, RiskcheckStore } from '../../storage/store.js';
import { departmentChannels, userLinkKey } from '../app/department-channels.js';

export async function personLinks(
  store: RiskcheckStore,
  people: readonly Person[],
): Promise<ConversationLink[]> {
  const links: ConversationLink[] = [];
  for (const person of people) {
    if (person.teamsAadObjectId) {
      const link = await store.getLink(userLinkKey('teams', person.teamsAadObjectId));
      if (link) links.push(link);
    }
    if (person.slackUserId) {
      links.push(
        (await store.getLink(userLinkKey('slack', person.slackUserId))) ?? {
          key: userLinkKey('slack', person.slackUserId),
          platform: 'slack',
          conversationId: person.slackUserId,
          linkedAt: '1970-01-01T00:00:00.000Z',
        },
      );
    }
  }
  return uniqueLinks(links);
}

/** People first; the department's channels when none of them can be reached directly. */
export async function peopleOrChannels(
  store: RiskcheckStore,
  organisation: Organisation,
  department: Department,
  people: readonly Person[],
): Promise<ConversationLink[]> {
  const direct = await personLinks(store, people);
  return direct.length > 0 ? direct : departmentChannels(store, organisation, department.id);
}

export function uniqueLinks(links: ConversationLink[]): ConversationLink[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const key = `${l.platform}:${l.conversationId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
