/**
 * Reads a verified Slack request body once: parses it the way Bolt would (form bodies with
 * querystring, an interaction's `payload` field and Events API bodies as JSON), checks the shape
 * with zod, so a malformed payload gets a quick 400 instead of waiting for a listener that will
 * never match, and names the delivery for deduplication. The parsed body is what Bolt receives,
 * so what was checked is what is handled. Only the fields routing needs are checked here;
 * handlers validate the rest.
 */
import { parse as parseForm } from 'node:querystring';
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

export interface SlackBody {
  /** What Bolt would have parsed from the raw body. */
  body: Record<string, unknown>;
  /**
   * What identifies one delivery across Slack's retries: the event id for Events API callbacks,
   * the trigger id for slash commands and interactions (each click or submit gets its own).
   */
  deliveryKey: string | undefined;
}

/** The parsed body when it has a shape riskcheck accepts, otherwise undefined. */
export function parseSlackBody(rawBody: Buffer, contentType: string | undefined): SlackBody | undefined {
  const text = rawBody.toString('utf8');
  try {
    if (contentType?.includes('application/json')) {
      const body: unknown = JSON.parse(text);
      if (!event.safeParse(body).success) return undefined;
      const { event_id } = body as { event_id?: unknown };
      return {
        body: body as Record<string, unknown>,
        deliveryKey: typeof event_id === 'string' ? `slack:event:${event_id}` : undefined,
      };
    }
    // Bolt reads only this exact content type as a form; it would fail on any other.
    if (contentType !== 'application/x-www-form-urlencoded') return undefined;
    const form = parseForm(text);
    let body: unknown = form;
    if (form.payload !== undefined) {
      if (typeof form.payload !== 'string') return undefined;
      body = JSON.parse(form.payload);
      if (!interaction.safeParse(body).success) return undefined;
    } else if (!slashCommand.safeParse(form).success) return undefined;
    const { trigger_id } = body as { trigger_id?: unknown };
    return {
      body: body as Record<string, unknown>,
      deliveryKey:
        typeof trigger_id === 'string' && trigger_id !== '' ? `slack:trigger:${trigger_id}` : undefined,
    };
  } catch {
    return undefined;
  }
}
