/**
 * Renders a view model for Slack: `renderSlackMessage` for chat.postMessage / chat.update /
 * respond, `renderSlackModal` for views.open / views.update / views.push and for the
 * `response_action: update` after a submission. Same view models as the Teams cards.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import type { ViewKind, ViewModel } from '../../dialogs/views/view-model.js';
import { plainTextFallback } from '../adaptive/plain-text.js';
import { jsonPayload, plain } from './elements.js';
import { escapeMrkdwn } from './escape.js';
import { SLACK_LIMITS as L, truncate } from './limits.js';
import { approvalRequestBlocks, approvalResolvedBlocks, outcomeBlocks } from './outcome-blocks.js';
import {
  discussionReminderBlocks,
  pendingDecisionReminderBlocks,
  reassessmentReminderBlocks,
  upcomingRemindersBlocks,
} from './reminder-blocks.js';
import {
  assessmentListBlocks,
  helpBlocks,
  messageBlocks,
  type SimpleOptions,
  welcomeBlocks,
} from './simple-blocks.js';
import { questionStepBlocks, reviewBlocks } from './step-blocks.js';

export type SlackSurface = 'message' | 'modal';

/** Where each view can be shown. Question steps and the review need a modal's inputs and submit. */
export const SLACK_SURFACES: Record<ViewKind, readonly SlackSurface[]> = {
  questionStep: ['modal'],
  review: ['modal'],
  outcome: ['message', 'modal'],
  approvalRequest: ['message'],
  approvalResolved: ['message'],
  welcome: ['message', 'modal'],
  help: ['message', 'modal'],
  assessmentList: ['message', 'modal'],
  message: ['message', 'modal'],
  // Reminders are posted to a channel or DM; the list of upcoming ones also opens from a command.
  discussionReminder: ['message'],
  reassessmentReminder: ['message'],
  pendingDecisionReminder: ['message'],
  upcomingReminders: ['message', 'modal'],
};

export function supportsSurface(kind: ViewKind, surface: SlackSurface): boolean {
  return SLACK_SURFACES[kind].includes(surface);
}

export interface SlackRenderOptions {
  /** IANA time zone for dates; defaults to UTC. */
  timeZone?: string;
  /** Locale for month names; defaults to en-GB ("21 Nov 2026 14:05"). */
  locale?: string;
  /** Current time (ISO 8601), enables "3 days ago" on drafts. */
  now?: string;
}

export interface SlackMessage {
  /** Notification / screen-reader fallback; mrkdwn-escaped because Slack parses this field. */
  text: string;
  blocks: KnownBlock[];
}

/** `callback_id` of every riskcheck modal; what it shows is in `private_metadata`. */
export const MODAL_CALLBACK_ID = 'riskcheck.modal';
export const MODAL_TITLE = 'Risk check';

/** Parsed form of a modal's `private_metadata` (JSON). */
export interface ModalMetadata {
  view: ViewKind;
  sessionId?: string;
  stepId?: string;
  assessmentId?: string;
}

function blocksFor(view: ViewModel, options: SlackRenderOptions, maxBlocks: number): KnownBlock[] {
  switch (view.kind) {
    case 'questionStep':
      return questionStepBlocks(view, maxBlocks);
    case 'review':
      return reviewBlocks(view, maxBlocks);
    case 'outcome':
      return outcomeBlocks(view, options, maxBlocks);
    case 'approvalRequest':
      return approvalRequestBlocks(view, options, maxBlocks);
    case 'approvalResolved':
      return approvalResolvedBlocks(view, options, maxBlocks);
    case 'welcome':
      return welcomeBlocks(view, options satisfies SimpleOptions, maxBlocks);
    case 'help':
      return helpBlocks(view, maxBlocks);
    case 'assessmentList':
      return assessmentListBlocks(view, options, maxBlocks);
    case 'message':
      return messageBlocks(view);
    case 'discussionReminder':
      return discussionReminderBlocks(view, options, maxBlocks);
    case 'reassessmentReminder':
      return reassessmentReminderBlocks(view, options);
    case 'pendingDecisionReminder':
      return pendingDecisionReminderBlocks(view, options);
    case 'upcomingReminders':
      return upcomingRemindersBlocks(view, options, maxBlocks);
  }
}

function assertSurface(view: ViewModel, surface: SlackSurface): void {
  if (!supportsSurface(view.kind, surface)) {
    throw new Error(`The ${view.kind} view cannot be shown as a Slack ${surface}`);
  }
}

/** Plain-text summary, escaped: a message's top-level `text` is parsed as mrkdwn by Slack. */
export function slackFallbackText(view: ViewModel): string {
  return truncate(escapeMrkdwn(plainTextFallback(view)), L.fallbackText);
}

/** A message (DM, channel post or update). Throws for questionStep and review (modal only). */
export function renderSlackMessage(view: ViewModel, options: SlackRenderOptions = {}): SlackMessage {
  assertSurface(view, 'message');
  return { text: slackFallbackText(view), blocks: blocksFor(view, options, L.blocksPerMessage) };
}

function metadata(view: ViewModel): ModalMetadata {
  switch (view.kind) {
    case 'questionStep':
      return { view: view.kind, sessionId: view.sessionId, stepId: view.stepId };
    case 'review':
      return { view: view.kind, sessionId: view.sessionId };
    case 'outcome':
      return { view: view.kind, assessmentId: view.outcome.assessmentId };
    default:
      return { view: view.kind };
  }
}

function submitText(view: ViewModel): string | undefined {
  if (view.kind === 'questionStep') return view.returnToReview ? 'Back to review' : 'Next';
  if (view.kind === 'review') return 'Submit';
  return undefined;
}

/** A modal view. Throws for approvalRequest and approvalResolved (channel messages only). */
export function renderSlackModal(view: ViewModel, options: SlackRenderOptions = {}): ModalView {
  assertSurface(view, 'modal');
  const modal: ModalView = {
    type: 'modal',
    callback_id: MODAL_CALLBACK_ID,
    title: plain(MODAL_TITLE, L.modalTitle),
    close: plain('Close', L.modalButtonText),
    private_metadata: jsonPayload(metadata(view), L.privateMetadata),
    blocks: blocksFor(view, options, L.blocksPerModal),
  };
  const submit = submitText(view);
  if (submit !== undefined) modal.submit = plain(submit, L.modalButtonText);
  return modal;
}

/** Reads `private_metadata` back; undefined when it is not a riskcheck modal's. */
export function parseModalMetadata(privateMetadata: string): ModalMetadata | undefined {
  try {
    const data: unknown = JSON.parse(privateMetadata);
    if (data === null || typeof data !== 'object') return undefined;
    const { view, sessionId, stepId, assessmentId } = data as Record<string, unknown>;
    if (typeof view !== 'string' || !(view in SLACK_SURFACES)) return undefined;
    const out: ModalMetadata = { view: view as ViewKind };
    if (typeof sessionId === 'string') out.sessionId = sessionId;
    if (typeof stepId === 'string') out.stepId = stepId;
    if (typeof assessmentId === 'string') out.assessmentId = assessmentId;
    return out;
  } catch {
    return undefined;
  }
}

/**
 * The ACTIONS id behind a Slack action_id. Every riskcheck button uses a bare ACTIONS id (repeats
 * go into separate blocks), but an id suffixed `:n` (e.g. `riskcheck.resume:1`) maps back too.
 */
export function baseActionId(actionId: string): string {
  const colon = actionId.indexOf(':');
  return colon === -1 ? actionId : actionId.slice(0, colon);
}
