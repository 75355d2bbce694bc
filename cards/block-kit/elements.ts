/**
 * Small typed builders for Block Kit objects. Each one applies the limit that belongs to its
 * field, so a view-model string can be passed in as it is and still never break a Slack limit.
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from '@slack/types';
import type { ActionId } from '../../dialogs/actions.js';
import { truncateMrkdwn } from './escape.js';
import { SLACK_LIMITS as L, truncate } from './limits.js';

/** Slack rejects empty text objects; an empty view-model string shows as a dash instead. */
function nonEmpty(text: string): string {
  return text.trim().length > 0 ? text : '—';
}

/** A plain_text object: never parses mrkdwn, links or mentions, so user text is safe in it. */
export function plain(text: string, max: number = L.text): PlainTextElement {
  return { type: 'plain_text', text: truncate(nonEmpty(text), max) };
}

/**
 * A mrkdwn object for fixed wording and already escaped text. `verbatim: true` stops Slack from
 * auto-linking bare URLs, `#channel` names and `@here`-style words.
 */
export function mrkdwn(text: string, max: number = L.text): MrkdwnElement {
  return { type: 'mrkdwn', text: truncateMrkdwn(nonEmpty(text), max), verbatim: true };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, L.headerText) };
}

export function plainSection(text: string): SectionBlock {
  return { type: 'section', text: plain(text) };
}

export function mrkdwnSection(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

export function plainContext(...texts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: texts.slice(0, L.contextElements).map((t) => plain(t)),
  };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

/**
 * JSON for a button value or `private_metadata`. The payload holds only generated ids, so going
 * over the limit is a programming error: truncating would hand the channel broken JSON.
 */
export function jsonPayload(data: object, max: number): string {
  const json = JSON.stringify(data);
  if (json.length > max) throw new RangeError(`Slack payload is ${json.length} characters (max ${max})`);
  return json;
}

export interface ButtonSpec {
  actionId: ActionId;
  text: string;
  value: object;
  style?: 'primary' | 'danger';
  confirm?: { title: string; text: string; confirm: string; deny: string };
}

export function button(spec: ButtonSpec): Button {
  const out: Button = {
    type: 'button',
    action_id: spec.actionId,
    text: plain(spec.text, L.buttonText),
    value: jsonPayload(spec.value, L.buttonValue),
  };
  if (spec.style) out.style = spec.style;
  if (spec.confirm) {
    out.confirm = {
      title: plain(spec.confirm.title, L.confirmTitle),
      text: plain(spec.confirm.text, L.confirmText),
      confirm: plain(spec.confirm.confirm, L.confirmButtonText),
      deny: plain(spec.confirm.deny, L.confirmButtonText),
      ...(spec.style === 'danger' ? { style: 'danger' as const } : {}),
    };
  }
  return out;
}

/**
 * An actions block. Slack requires action_ids to be unique within a block, so callers put
 * buttons with the same action (Resume per draft, one per decision) in separate blocks.
 */
export function actions(blockId: string, buttons: Button[]): ActionsBlock {
  const seen = new Set<string>();
  for (const b of buttons) {
    if (b.action_id === undefined || seen.has(b.action_id)) {
      throw new Error(`Duplicate or missing action_id ${b.action_id} in block ${blockId}`);
    }
    seen.add(b.action_id);
  }
  return {
    type: 'actions',
    block_id: truncate(blockId, L.blockId),
    elements: buttons.slice(0, L.elementsPerActionsBlock),
  };
}

/** A line for `packLines`, with how many list items it stands for (0 for a heading). */
export interface CountedLine {
  text: string;
  count: number;
}

/** A text that holds one or more list items, and how many. */
export interface CountedText {
  text: string;
  count: number;
}

/**
 * Joins lines into as few texts as possible, each at most `max` characters; a single line that is
 * too long is cut with `cut`. Lists (support functions, review answers) would otherwise need one
 * block per line and run out of blocks long before they run out of characters.
 */
export function packLines(
  lines: CountedLine[],
  max: number,
  cut: (t: string, m: number) => string,
): CountedText[] {
  const chunks: CountedText[] = [];
  let current: CountedText | undefined;
  for (const line of lines) {
    const text = cut(line.text, max);
    if (current !== undefined && current.text.length + 1 + text.length <= max) {
      current = { text: `${current.text}\n${text}`, count: current.count + line.count };
    } else {
      if (current !== undefined) chunks.push(current);
      current = { text, count: line.count };
    }
  }
  if (current !== undefined) chunks.push(current);
  return chunks;
}

/** A block that shows `count` items of a list that may have to be shortened. */
export interface CountedBlock {
  block: KnownBlock;
  count: number;
}

/** "… 12 more, see the full outcome in riskcheck": what a shortened list says it left out. */
export function moreNote(omitted: number, suffix = ', see the full outcome in riskcheck'): ContextBlock {
  return plainContext(`… ${omitted} more${suffix}`);
}

/**
 * Keeps every `head` and `tail` block and as many list blocks as fit in `max`, sharing the room
 * round-robin so one long list (60 flags) cannot crowd out another (mandatory support functions).
 * When anything is left out, a context note with the number of omitted items follows the lists.
 */
export function fitBlocks(
  head: KnownBlock[],
  lists: CountedBlock[][],
  tail: KnownBlock[],
  max: number,
  suffix?: string,
): KnownBlock[] {
  const total = lists.reduce((n, list) => n + list.length, 0);
  let room = max - head.length - tail.length;
  if (total <= room) return [...head, ...lists.flatMap((list) => list.map((c) => c.block)), ...tail];
  room -= 1; // the note
  const kept = lists.map(() => 0);
  let progress = true;
  while (room > 0 && progress) {
    progress = false;
    lists.forEach((list, i) => {
      if (room > 0 && (kept[i] ?? 0) < list.length) {
        kept[i] = (kept[i] ?? 0) + 1;
        room -= 1;
        progress = true;
      }
    });
  }
  const shown = lists.map((list, i) => list.slice(0, kept[i] ?? 0));
  const omitted = lists.reduce(
    (n, list, i) => n + list.slice(kept[i] ?? 0).reduce((m, c) => m + c.count, 0),
    0,
  );
  return [...head, ...shown.flatMap((list) => list.map((c) => c.block)), moreNote(omitted, suffix), ...tail];
}
