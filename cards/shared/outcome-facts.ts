/**
 * Wording both renderers share for an outcome, so a Teams card and a Slack message name the same
 * facts in the same order.
 */
import type { OutcomeSummary } from '../../dialogs/views/view-model.js';
import { type DateFormatOptions, formatDateTime } from '../adaptive/format.js';

export function outcomeFacts(o: OutcomeSummary, dates: DateFormatOptions): [label: string, value: string][] {
  return [
    ['Partner', o.partner],
    ['Country', o.country],
    ['Collaboration', o.collaborationType],
    ['Stage', o.stage],
    ['Department', o.departmentName],
    ['Submitted by', o.submitterName],
    ['Submitted', formatDateTime(o.submittedAt, dates)],
  ];
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
