/**
 * Small views that need no questionnaire logic: a message, the welcome card and the help card.
 */
// The list view lives in its own file; re-exported so callers find every simple view here.
export { assessmentListView } from './assessment-list-view.js';

import type { Organisation } from '../organisation/schema.js';
import type { DialogSession } from '../session.js';
import { draftSummaries } from './draft-summary.js';
import type { HelpView, MessageView, SupportLinkView, WelcomeView } from './view-model.js';

export function messageView(
  tone: MessageView['tone'],
  title: string,
  text: string,
  offerStart: boolean,
): MessageView {
  return { kind: 'message', tone, title, text, offerStart };
}

export function welcomeView(userName: string, drafts: readonly DialogSession[]): WelcomeView {
  return { kind: 'welcome', userName, drafts: draftSummaries(drafts) };
}

export const HELP_COMMANDS: HelpView['commands'] = [
  { command: 'riskcheck', description: 'Start a new risk assessment for an international activity.' },
  { command: 'resume', description: 'Continue an assessment you saved.' },
  { command: 'my assessments', description: 'List your drafts and submitted assessments.' },
  { command: 'cancel', description: 'Stop the assessment in progress; nothing is submitted.' },
  { command: 'help', description: 'Show this help.' },
  {
    command: 'link <department>',
    description: "Link this channel to a department, so that department's outcomes are posted here.",
  },
  { command: 'reminders [department]', description: 'Upcoming reminders (for the people responsible).' },
  {
    command: 'export [csv|json] [department] [from …] [to …]',
    description: 'A download link for assessments, decisions and audit (heads and International Office).',
  },
  { command: 'erase teams:<id> | slack:<id>', description: "Erase one person's data (administrators)." },
];

export function supportLinkView(
  support: Organisation['supportFunctions'][number],
  mandatory: boolean,
): SupportLinkView {
  const view: SupportLinkView = {
    id: support.id,
    name: support.name,
    description: support.description,
    mandatory,
  };
  if (support.url !== undefined) view.url = support.url;
  if (support.contact !== undefined) view.contact = support.contact;
  return view;
}

export function helpView(organisation: Organisation): HelpView {
  return {
    kind: 'help',
    commands: HELP_COMMANDS.map((c) => ({ ...c })),
    supportFunctions: organisation.supportFunctions.map((s) => supportLinkView(s, false)),
  };
}
