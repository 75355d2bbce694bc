/**
 * What the app answers a channel with: a view to show in place of the card the user acted on
 * (or as a new message for typed commands), or a refusal the channel maps to a 4xx.
 */
import type { ViewModel } from '../../dialogs/views/view-model.js';

export type Reply =
  | { kind: 'view'; view: ViewModel }
  | {
      kind: 'refused';
      /** HTTP-like status for the channel: 400 malformed, 403 not yours, 404 unknown, 409 conflict. */
      status: 400 | 403 | 404 | 409;
      code: string;
      /** Safe to show to the user. */
      message: string;
    };

/**
 * What a user is told while the store refuses every save (see RiskcheckStore.health): trying
 * again at once would fail the same way, so this says so.
 */
export const CANNOT_SAVE_MESSAGE =
  'riskcheck cannot save anything right now because of a storage problem on its server. What you answered before is kept; please try again later, or tell your IT support.';

export function viewReply(view: ViewModel): Reply {
  return { kind: 'view', view };
}

export function refused(status: 400 | 403 | 404 | 409, code: string, message: string): Reply {
  return { kind: 'refused', status, code, message };
}
