/** Answers what a user typed: welcome, help, resume, list, cancel, link, reminders, export or erase. */
import { type Actor, actorKey } from '../../dialogs/session.js';
import { assessmentListView, helpView, messageView, welcomeView } from '../../dialogs/views/simple-views.js';
import { eraseCommand } from '../data-care/erase-person.js';
import { exportAssessments } from '../data-care/export-command.js';
import type { AppDeps } from './app-deps.js';
import { parseCommand } from './commands.js';
import { type LinkTarget, linkChannel } from './link-channel.js';
import { type Reply, viewReply } from './reply.js';
import { runDialogEvent } from './run-dialog.js';
import { showReminders } from './show-reminders.js';

export interface CommandPlace {
  /** Set when the command was typed in a channel or group conversation. */
  channel?: LinkTarget;
}

export async function handleCommand(
  deps: AppDeps,
  actor: Actor,
  text: string,
  place: CommandPlace,
): Promise<Reply> {
  const command = parseCommand(text);
  switch (command.kind) {
    case 'welcome': {
      const drafts = await deps.store.listSessionsByOwner(actorKey(actor));
      return viewReply(welcomeView(actor.displayName, drafts));
    }
    case 'help':
      return viewReply(helpView(deps.organisation));
    case 'resume':
      return runDialogEvent(deps, actor, undefined, { kind: 'show' });
    case 'cancel':
      return runDialogEvent(deps, actor, undefined, { kind: 'cancel' });
    case 'list': {
      const drafts = await deps.store.listSessionsByOwner(actorKey(actor));
      const submitted = await deps.store.listAssessmentSummaries({ submitterKey: actorKey(actor) });
      return viewReply(assessmentListView(drafts, submitted));
    }
    case 'link':
      return linkChannel(deps, actor, command.departmentId, place.channel);
    case 'reminders':
      return showReminders(deps, actor, command.departmentId, place.channel);
    case 'export':
      return exportAssessments(deps, actor, command.request, place);
    case 'erase':
      return eraseCommand(deps, actor, command.person);
    case 'usage':
      return viewReply(
        messageView(
          'info',
          `That ${command.command} command is not quite right`,
          `${capitalise(command.problem)}. ${command.usage}`,
          false,
        ),
      );
    case 'unknown':
      return viewReply(
        messageView(
          'info',
          'I did not catch that',
          'Type “riskcheck” to start a risk check, or “help” to see what I can do.',
          true,
        ),
      );
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
