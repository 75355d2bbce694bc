/**
 * How the app posts outside the current request: into a department channel, into a user's
 * personal chat, or updating a message posted earlier. One implementation per platform.
 */
import type { Platform } from '../../dialogs/session.js';
import type { ViewModel } from '../../dialogs/views/view-model.js';
import type { ConversationLink } from '../../storage/store.js';

export interface ChannelGateway {
  readonly platform: Platform;
  /** Posts a new message and returns the platform's id for it. */
  post(link: ConversationLink, view: ViewModel): Promise<{ messageId: string }>;
  update(link: ConversationLink, messageId: string, view: ViewModel): Promise<void>;
}

export type Gateways = Partial<Record<Platform, ChannelGateway>>;
