/**
 * The dialog a head of department sees after pressing "We discussed this" on a discussion
 * reminder: when the discussion took place and an optional note. Its submission records it.
 */
import type { ModalView } from '@slack/types';
import { header, jsonPayload, plain, plainContext, plainSection } from './elements.js';
import { SLACK_LIMITS as L } from './limits.js';

/** `callback_id` of the discussion dialog. */
export const DISCUSSION_MODAL_CALLBACK_ID = 'riskcheck.discussion';
/** The date: `view.state.values.discussion_date.discussion_date.selected_date` (YYYY-MM-DD or null). */
export const DISCUSSION_DATE_BLOCK_ID = 'discussion_date';
export const DISCUSSION_DATE_ACTION_ID = 'discussion_date';
/** The note: `view.state.values.discussion_note.discussion_note.value`; `errors: { discussion_note }`. */
export const DISCUSSION_NOTE_BLOCK_ID = 'discussion_note';
export const DISCUSSION_NOTE_ACTION_ID = 'discussion_note';
/** Same bound as the Teams card's note input. */
export const DISCUSSION_NOTE_MAX_LENGTH = 1000;

export interface DiscussionModalInput {
  reminderId: string;
  /** Department name (config text, shown as plain_text). */
  departmentName: string;
}

/** `private_metadata` is JSON `{ reminderId }`. */
export function discussionModal(input: DiscussionModalInput): ModalView {
  return {
    type: 'modal',
    callback_id: DISCUSSION_MODAL_CALLBACK_ID,
    title: plain('Record discussion', L.modalTitle),
    submit: plain('Record discussion', L.modalButtonText),
    close: plain('Cancel', L.modalButtonText),
    private_metadata: jsonPayload({ reminderId: input.reminderId }, L.privateMetadata),
    blocks: [
      header('We discussed this'),
      plainSection(`Department: ${input.departmentName}`),
      {
        type: 'input',
        block_id: DISCUSSION_DATE_BLOCK_ID,
        optional: true,
        label: plain('When did you discuss it? (optional)', L.inputLabel),
        hint: plain('Leave it empty if it was today.', L.inputHint),
        element: {
          type: 'datepicker',
          action_id: DISCUSSION_DATE_ACTION_ID,
          placeholder: plain('Select a date', L.placeholder),
        },
      },
      {
        type: 'input',
        block_id: DISCUSSION_NOTE_BLOCK_ID,
        optional: true,
        label: plain('Notes (optional)', L.inputLabel),
        element: {
          type: 'plain_text_input',
          action_id: DISCUSSION_NOTE_ACTION_ID,
          multiline: true,
          max_length: DISCUSSION_NOTE_MAX_LENGTH,
          placeholder: plain('What came up, and anything the department agreed to do', L.placeholder),
        },
      },
      plainContext('The reminder message will then show who recorded it, when it took place and the note.'),
    ],
  };
}
