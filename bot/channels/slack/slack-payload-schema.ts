/**
 * The shapes of Slack requests riskcheck accepts, checked with zod before Bolt routes them, so a
 * malformed payload gets a quick 400 instead of waiting for a listener that will never match.
 * Only the fields routing needs are checked here; handlers validate the rest.
 */
import { z } from 'zod';

const user = z.object({ id: z.string().min(1).max(40) }).passthrough();

const interaction = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('block_actions'),
      user,
      trigger_id: z.string().min(1),
      actions: z.array(z.object({ action_id: z.string().min(1).max(255) }).passthrough()).min(1),
    })
    .passthrough(),
  z
    .object({
      type: z.literal('view_submission'),
      user,
      view: z
        .object({
          id: z.string().min(1),
          callback_id: z.string().max(255),
          state: z.object({}).passthrough(),
        })
        .passthrough(),
    })
    .passthrough(),
  z.object({ type: z.literal('view_closed'), user }).passthrough(),
]);

const slashCommand = z.object({
  command: z.string().regex(/^\/[a-z0-9_-]{1,32}$/),
  user_id: z.string().min(1).max(40),
  trigger_id: z.string().min(1),
  channel_id: z.string().min(1).max(40),
  text: z.string().max(4000).default(''),
});

const event = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url_verification'), challenge: z.string() }).passthrough(),
  z.object({ type: z.literal('event_callback'), event_id: z.string() }).passthrough(),
]);

export function isAcceptedSlackPayload(rawBody: Buffer, contentType: string | undefined): boolean {
  const text = rawBody.toString('utf8');
  try {
    if (contentType?.includes('application/json')) return event.safeParse(JSON.parse(text)).success;
    const form = new URLSearchParams(text);
    const payload = form.get('payload');
    if (payload !== null) return interaction.safeParse(JSON.parse(payload)).success;
    return slashCommand.safeParse(Object.fromEntries(form)).success;
  } catch {
    return false;
  }
}
