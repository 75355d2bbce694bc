/** A Teams message activity carrying one rendered Adaptive Card and its plain-text summary. */
import { Activity } from '@microsoft/agents-activity';
import { plainTextFallback } from '../../../cards/adaptive/plain-text.js';
import { cardAttachment, renderAdaptiveCard } from '../../../cards/adaptive/render-adaptive-card.js';
import type { ViewModel } from '../../../dialogs/views/view-model.js';

export function cardMessage(view: ViewModel): Activity {
  return Activity.fromObject({
    type: 'message',
    summary: plainTextFallback(view).slice(0, 250),
    attachments: [cardAttachment(renderAdaptiveCard(view))],
  });
}
