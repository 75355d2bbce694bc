/**
 * Maps a use case's Reply onto Slack surfaces: a modal view (open/update/push) or an ephemeral or
 * DM message. Refusals become a small error modal or message with the refusal's own wording.
 */
import type { ModalView } from '@slack/types';
import { renderSlackMessage, renderSlackModal } from '../../../cards/block-kit/render-slack.js';
import { messageView } from '../../../dialogs/views/simple-views.js';
import type { ViewModel } from '../../../dialogs/views/view-model.js';
import type { Reply } from '../../app/reply.js';

export function replyView(reply: Reply): ViewModel {
  return reply.kind === 'view' ? reply.view : messageView('error', 'That did not work', reply.message, false);
}

export function modalFor(reply: Reply): ModalView {
  return renderSlackModal(replyView(reply));
}

export function messageFor(reply: Reply) {
  return renderSlackMessage(replyView(reply));
}

/** Server-side validation messages of a question step, keyed by the input's block id. */
export function stepErrors(view: ViewModel): Record<string, string> | undefined {
  if (view.kind !== 'questionStep') return undefined;
  const errors = Object.fromEntries(
    view.questions.filter((q) => q.error).map((q) => [`q:${q.id}`, q.error as string]),
  );
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/**
 * Runs work but gives up waiting after `ms`, so a view submission can always be acknowledged
 * inside Slack's three seconds; the caller finishes the job with views.update afterwards.
 */
export async function withinBudget<T>(
  work: Promise<T>,
  ms: number,
): Promise<{ done: true; value: T } | { done: false }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
