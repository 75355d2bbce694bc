/**
 * Makes plain text inert inside an Adaptive Card. Everything in a view model is plain text, some
 * of it typed by staff; it must reach the screen exactly as written, never as markup.
 *
 * Three layers, because each one alone leaves a gap:
 * 1. Templates show view-model text only in `TextRun`s, which do not parse markdown (a `TextBlock`
 *    would turn `[x](https://evil.example)` into a link).
 * 2. `adaptivecards-templating` binds data values without re-parsing them, so a title such as
 *    `${$root.sessionId}` stays literal (tested). `inertText` still breaks `${`, so a host that
 *    expands the card again as a template cannot evaluate it either.
 * 3. Renderers apply `{{DATE(...)}}`/`{{TIME(...)}}` functions even inside a `TextRun`, and Teams
 *    reads `<at>` as a mention tag: `inertText` breaks `{{` and `<tag` too.
 *
 * The break is U+2060 WORD JOINER: invisible, no line-break opportunity, so what people see and
 * copy reads the same as what was typed. Input `value`s are never passed through `inertText`:
 * they are sent back on submit and must round-trip byte for byte.
 */

/** Invisible character used to break syntax that a renderer or template engine would act on. */
export const WORD_JOINER = '\u2060';

const ACTIVE_SEQUENCES = /\$\{|\{\{|\}\}|<(?=[A-Za-z/!?])/g;
// Not global, so `test` keeps no `lastIndex` state between calls.
const ANY_ACTIVE_SEQUENCE = new RegExp(ACTIVE_SEQUENCES.source);

/** Returns `text` with every active sequence (`${`, `{{`, `}}`, `<tag`) broken by a word joiner. */
export function inertText(text: string): string {
  // Most text has none: `test` is much cheaper than a `replace` with a callback that finds nothing.
  if (!ANY_ACTIVE_SEQUENCE.test(text)) return text;
  return text.replace(ACTIVE_SEQUENCES, (match) => `${match[0]}${WORD_JOINER}${match.slice(1)}`);
}

/** Removes the word joiners `inertText` added: what a reader sees (for tests and plain text). */
export function visibleText(text: string): string {
  return text.split(WORD_JOINER).join('');
}

/** True when `text` still holds a sequence a renderer or template engine would interpret. */
export function hasActiveSequence(text: string): boolean {
  return ANY_ACTIVE_SEQUENCE.test(text);
}
