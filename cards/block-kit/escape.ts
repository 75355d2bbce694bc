/**
 * Escaping for Slack mrkdwn. Text a user typed is shown in `plain_text` objects wherever Slack
 * allows (they never parse mrkdwn, links or mentions); `escapeMrkdwn` is for the few places where
 * fixed wording needs bold or a link next to view-model text.
 */
import { ELLIPSIS } from './limits.js';

/** Inserted around formatting characters so Slack cannot pair them into bold, italic, strike or code. */
export const ZERO_WIDTH_SPACE = '\u200b';

/**
 * A formatting marker that could open or close a span: not enclosed by letters or digits on both
 * sides. Markers inside a word (`export_control@example.edu`) cannot format in Slack and are left
 * alone, so addresses and identifiers copy out unchanged.
 */
const FORMATTING = /(?<![\p{L}\p{N}])[*_~`]|[*_~`](?![\p{L}\p{N}])/gu;

/**
 * Escapes `&`, `<` and `>` (the only characters Slack asks apps to escape), so `<!channel>`,
 * `<@U123>` and `<https://x|label>` stay literal text, and breaks `*`, `_`, `~` and `` ` `` at word
 * edges with zero-width spaces: mrkdwn has no backslash escape, and a formatting marker must touch a space
 * or punctuation on its outer side to count. Mrkdwn objects are also sent with `verbatim: true`
 * (see elements.ts) so bare `@channel`, `#channel` and URLs are not auto-linked.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(FORMATTING, (c) => `${ZERO_WIDTH_SPACE}${c}${ZERO_WIDTH_SPACE}`);
}

/** A mrkdwn link; `url` must already be checked as a web URL from configuration (never user text). */
export function mrkdwnLink(url: string, label: string): string {
  // `|` and `>` end the URL part; a config URL containing them is percent-encoded rather than trusted.
  const safeUrl = url.replace(/[|<>\s]/g, (c) => encodeURIComponent(c));
  return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}

/**
 * Truncates mrkdwn without cutting an entity (`&amp;`) or a link (`<url|label>`) in half, which
 * Slack would show as raw markup.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  const amp = cut.lastIndexOf('&');
  if (amp > cut.lastIndexOf(';')) cut = cut.slice(0, amp);
  const code = cut.charCodeAt(cut.length - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}
