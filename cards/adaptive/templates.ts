/**
 * The Adaptive Card templates, one per view kind, with shared partials spliced in once at module
 * load. Templates stay plain JSON (readable, diffable, pasteable into the Adaptive Cards
 * designer); a `{ "$partial": name, ...overrides }` element stands for a shared fragment such as
 * the outcome summary that three cards show, so it is written once.
 */
import type { ViewKind } from '../../dialogs/views/view-model.js';
import approvalRequest from './templates/approval-request.json' with { type: 'json' };
import approvalResolved from './templates/approval-resolved.json' with { type: 'json' };
import assessmentList from './templates/assessment-list.json' with { type: 'json' };
import discussionReminder from './templates/discussion-reminder.json' with { type: 'json' };
import help from './templates/help.json' with { type: 'json' };
import message from './templates/message.json' with { type: 'json' };
import outcome from './templates/outcome.json' with { type: 'json' };
import draftItem from './templates/partials/draft-item.json' with { type: 'json' };
import outcomeSummary from './templates/partials/outcome-summary.json' with { type: 'json' };
import supportItem from './templates/partials/support-item.json' with { type: 'json' };
import pendingDecisionReminder from './templates/pending-decision-reminder.json' with { type: 'json' };
import questionStep from './templates/question-step.json' with { type: 'json' };
import reassessmentReminder from './templates/reassessment-reminder.json' with { type: 'json' };
import review from './templates/review.json' with { type: 'json' };
import upcomingReminders from './templates/upcoming-reminders.json' with { type: 'json' };
import welcome from './templates/welcome.json' with { type: 'json' };

const PARTIALS: Record<string, unknown> = {
  'draft-item': draftItem,
  'outcome-summary': outcomeSummary,
  'support-item': supportItem,
};

/** Template file name (without `.json`) for each view kind, as listed in the card docs. */
export const TEMPLATE_NAMES: Record<ViewKind, string> = {
  questionStep: 'question-step',
  review: 'review',
  outcome: 'outcome',
  approvalRequest: 'approval-request',
  approvalResolved: 'approval-resolved',
  welcome: 'welcome',
  help: 'help',
  assessmentList: 'assessment-list',
  message: 'message',
  discussionReminder: 'discussion-reminder',
  reassessmentReminder: 'reassessment-reminder',
  pendingDecisionReminder: 'pending-decision-reminder',
  upcomingReminders: 'upcoming-reminders',
};

const RAW: Record<ViewKind, unknown> = {
  questionStep,
  review,
  outcome,
  approvalRequest,
  approvalResolved,
  welcome,
  help,
  assessmentList,
  message,
  discussionReminder,
  reassessmentReminder,
  pendingDecisionReminder,
  upcomingReminders,
};

/** Replaces every `$partial` element by its fragment, recursively; unknown names fail loudly. */
export function resolvePartials(node: unknown, seen: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => resolvePartials(item, seen));
  if (node === null || typeof node !== 'object') return node;
  const { $partial, ...rest } = node as Record<string, unknown>;
  if (typeof $partial === 'string') {
    const fragment = PARTIALS[$partial];
    if (fragment === undefined) throw new Error(`Unknown Adaptive Card partial "${$partial}"`);
    if (seen.includes($partial)) throw new Error(`Adaptive Card partial "${$partial}" includes itself`);
    return resolvePartials({ ...(fragment as Record<string, unknown>), ...rest }, [...seen, $partial]);
  }
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, resolvePartials(value, seen)]));
}

const RESOLVED = Object.fromEntries(
  Object.entries(RAW).map(([kind, template]) => [kind, resolvePartials(template)]),
) as Record<ViewKind, unknown>;

/** The template for `kind` with partials resolved; treat it as read-only (it is shared). */
export function templateFor(kind: ViewKind): unknown {
  return RESOLVED[kind];
}
