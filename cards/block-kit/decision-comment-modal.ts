/**
 * The dialog a decision maker sees after pressing a decision button on an approval request: it
 * names the decision and asks for an optional comment. Its submission records the decision.
 */
import type { ModalView } from '@slack/types';
import type { DecisionValue } from '../../dialogs/assessment.js';
import { header, jsonPayload, mrkdwnSection, plain, plainSection } from './elements.js';
import { escapeMrkdwn as esc } from './escape.js';
import { SLACK_LIMITS as L } from './limits.js';

/** `callback_id` of the decision dialog. */
export const DECISION_MODAL_CALLBACK_ID = 'riskcheck.decision';
/** The comment input: `view.state.values.comment.comment.value`; `errors: { comment }` targets it. */
export const COMMENT_BLOCK_ID = 'comment';
export const COMMENT_ACTION_ID = 'comment';
/** Same bound as the Teams card's comment input. */
export const COMMENT_MAX_LENGTH = 1000;

export interface DecisionCommentInput {
  assessmentId: string;
  decision: DecisionValue;
  decisionLabel: string;
  /** Assessment title (user text, shown as plain_text). */
  title: string;
}

/** `private_metadata` is JSON `{ assessmentId, decision }`. */
export function decisionCommentModal(input: DecisionCommentInput): ModalView {
  return {
    type: 'modal',
    callback_id: DECISION_MODAL_CALLBACK_ID,
    title: plain('Record decision', L.modalTitle),
    submit: plain('Record decision', L.modalButtonText),
    close: plain('Cancel', L.modalButtonText),
    private_metadata: jsonPayload(
      { assessmentId: input.assessmentId, decision: input.decision },
      L.privateMetadata,
    ),
    blocks: [
      header('Record your decision'),
      plainSection(input.title),
      mrkdwnSection(`*Decision:* ${esc(input.decisionLabel)}`),
      {
        type: 'input',
        block_id: COMMENT_BLOCK_ID,
        optional: true,
        label: plain('Comment (optional, shown to the submitter)', L.inputLabel),
        element: {
          type: 'plain_text_input',
          action_id: COMMENT_ACTION_ID,
          multiline: true,
          max_length: COMMENT_MAX_LENGTH,
          placeholder: plain('Reasons, conditions or measures for this decision', L.placeholder),
        },
      },
    ],
  };
}
