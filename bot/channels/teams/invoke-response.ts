/**
 * Universal Actions (`adaptiveCard/action`) answers: the next card replaces the one the user
 * acted on, and a refusal carries a message Teams shows to the user.
 */
import { renderAdaptiveCard } from '../../../cards/adaptive/render-adaptive-card.js';
import type { Reply } from '../../app/reply.js';

export interface InvokeResponse {
  status: number;
  body: unknown;
}

export function invokeResponseFor(reply: Reply): InvokeResponse {
  if (reply.kind === 'view') {
    return {
      status: 200,
      body: {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: renderAdaptiveCard(reply.view),
      },
    };
  }
  return errorInvokeResponse(reply.status, reply.code, reply.message);
}

export function errorInvokeResponse(status: number, code: string, message: string): InvokeResponse {
  return {
    status,
    body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code, message } },
  };
}
