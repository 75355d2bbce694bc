/**
 * Plain-text summaries of each view, for notification previews, screen readers, the activity's
 * `summary`/`text` and logs. Plain text only: no markdown, no markup, one short paragraph or a
 * few lines. Callers that embed it in a markup context must escape it for that context.
 */

import type { ViewModel } from '../../dialogs/views/view-model.js';
import { plural } from '../shared/outcome-facts.js';
import { formatDate } from './format.js';

/** Collapses whitespace and control characters so a typed title cannot forge extra log lines. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, ' ').trim();
}

export function plainTextFallback(view: ViewModel): string {
  switch (view.kind) {
    case 'questionStep': {
      const first = view.questions[0]?.label ?? '';
      return clean(
        `${view.questionnaireTitle}: ${view.sectionTitle} (step ${view.stepNumber} of ${view.stepCount})${first ? ` — ${first}` : ''}`,
      );
    }
    case 'review':
      return clean(`Review your answers — ${view.title}`);
    case 'outcome': {
      const decided = view.decision ? ` Decision: ${view.decision.label}.` : '';
      return clean(
        `Risk check outcome: ${view.outcome.levelLabel} — ${view.outcome.title}. ${plural(view.outcome.flags.length, 'flag', 'flags')}.${decided}`,
      );
    }
    case 'approvalRequest':
      return clean(
        `Decision needed: ${view.outcome.title} (${view.outcome.levelLabel}), submitted by ${view.outcome.submitterName}`,
      );
    case 'approvalResolved':
      return clean(
        `Risk check decided: ${view.outcome.title} — ${view.decision.label} by ${view.decision.byName}`,
      );
    case 'welcome':
      return clean(
        `Welcome to the risk check${view.userName ? `, ${view.userName}` : ''}.${view.drafts.length > 0 ? ` You have ${plural(view.drafts.length, 'saved draft', 'saved drafts')}.` : ''}`,
      );
    case 'help':
      return clean(`Risk check help. Commands: ${view.commands.map((c) => c.command).join(', ')}`);
    case 'assessmentList':
      return clean(
        `My assessments: ${plural(view.drafts.length, 'draft', 'drafts')}, ${plural(view.submitted.length, 'submitted', 'submitted')}`,
      );
    case 'message':
      return clean(view.text ? `${view.title}: ${view.text}` : view.title);
    case 'discussionReminder': {
      if (view.recorded) {
        return clean(
          `Discussion recorded for ${view.departmentName}: ${formatDate(view.recorded.heldOn)}, by ${view.recorded.byName}`,
        );
      }
      const lead = view.followUp
        ? `No discussion recorded yet in ${view.departmentName}: please discuss responsible internationalisation`
        : `Time to discuss responsible internationalisation in ${view.departmentName}`;
      return clean(
        `${lead}. ${plural(view.assessmentCount, 'assessment', 'assessments')} since the last discussion, ${view.pending.length} waiting for a decision.`,
      );
    }
    case 'reassessmentReminder':
      return clean(
        view.reason === 'endingSoon'
          ? `Collaboration ending${view.endDate ? ` ${formatDate(view.endDate)}` : ' soon'}, time to reassess: ${view.title}`
          : `Time to reassess: ${view.title} (${view.partner})`,
      );
    case 'pendingDecisionReminder': {
      const waited = plural(view.workingDaysWaiting, 'working day', 'working days');
      return clean(
        view.escalation
          ? `Escalation: ${view.title} (${view.departmentName}) has waited ${waited} for a decision`
          : `Decision still needed: ${view.title} (${view.levelLabel}), waiting ${waited}`,
      );
    }
    case 'upcomingReminders': {
      const paused = view.pausedReason ? ` Paused: ${view.pausedReason}` : '';
      return clean(
        `Upcoming reminders for ${view.departmentName}: ${view.items.length > 0 ? `${view.items.length} scheduled` : 'none scheduled'}.${paused}`,
      );
    }
  }
}
