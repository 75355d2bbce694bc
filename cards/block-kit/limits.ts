/**
 * Slack's Block Kit limits as one table, so every builder truncates against the same numbers and
 * the tests can check every rendered view against them. Slack rejects a whole message or modal
 * (`invalid_blocks`) when a single text is one character too long, so nothing is left to chance.
 */

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  /** Section text, mrkdwn/plain_text objects in sections and context elements. */
  text: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  /** Option values are limited to 150 characters (questionnaire values are at most 60). */
  optionValue: 150,
  optionGroupLabel: 75,
  optionsPerSelect: 100,
  optionGroupsPerSelect: 100,
  optionsPerCheckboxes: 10,
  optionsPerRadioButtons: 10,
  actionId: 255,
  blockId: 255,
  callbackId: 255,
  modalTitle: 24,
  /** Modal submit and close button text. */
  modalButtonText: 24,
  privateMetadata: 3000,
  contextElements: 10,
  sectionFields: 10,
  fieldText: 2000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  plainTextInputMaxLength: 3000,
  elementsPerActionsBlock: 25,
  confirmTitle: 100,
  confirmText: 300,
  confirmButtonText: 30,
  /**
   * Top-level `text` of a message (the notification fallback). Slack truncates at 40,000; a
   * notification preview shows far less, so keep it short.
   */
  fallbackText: 3000,
} as const;

export const ELLIPSIS = '…';

/**
 * Shortens `text` to at most `max` characters, ending in "…" when anything was cut. Never splits
 * a surrogate pair, so an emoji is not turned into a broken character.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - ELLIPSIS.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, Math.max(0, end)).trimEnd()}${ELLIPSIS}`;
}
