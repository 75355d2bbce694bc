/**
 * Posts an assessment's approval request into its department's linked channels and records each
 * post on the assessment, so a decision can later update the card in place. A failed post is
 * logged and audited; the assessment itself is already stored, and the reminder sweeper retries
 * the channels that did not get it (see scheduleOutcomeRetry) until each has it once.
 */
import type { Assessment, ChannelPost } from '../../dialogs/assessment.js';
import type { Reminder, ReminderKind } from '../../dialogs/reminders/reminder.js';
import { retryAfterMsOf } from '../reminders/retry-policy.js';
import { type AppDeps, audit } from './app-deps.js';
import { departmentChannels } from './department-channels.js';
import { approvalRequestFor } from './outcome-presenter.js';

export interface DeliveryReport {
  assessment: Assessment;
  delivered: ChannelPost[];
  failed: number;
  /** The longest Retry-After a platform asked for, if any. */
  retryAfterMs?: number;
  lastError?: string;
  linkedChannels: number;
}

export async function deliverOutcome(deps: AppDeps, assessment: Assessment): Promise<DeliveryReport> {
  const links = await departmentChannels(deps.store, deps.organisation, assessment.departmentId);
  const delivered: ChannelPost[] = [];
  let failed = 0;
  let failure: DeliveryFailure | undefined;
  for (const link of links) {
    if (
      assessment.posts.some((p) => p.platform === link.platform && p.conversationId === link.conversationId)
    ) {
      continue;
    }
    const gateway = deps.gateways[link.platform];
    if (!gateway) continue;
    try {
      const { messageId } = await gateway.post(link, approvalRequestFor(deps, assessment));
      delivered.push({
        platform: link.platform,
        conversationId: link.conversationId,
        messageId,
        postedAt: deps.clock.now().toISOString(),
      });
    } catch (error) {
      failed++;
      failure = withFailure(failure, error);
      deps.logger.warn(
        { err: errorSummary(error), platform: link.platform, assessment: assessment.id },
        'could not post the outcome to the department channel; it stays stored and delivery is retried',
      );
      await audit(deps, 'system', 'delivery.failed', assessment.id, { platform: link.platform });
    }
  }
  const outcome = {
    failed,
    linkedChannels: links.length,
    ...(failure?.retryAfterMs ? { retryAfterMs: failure.retryAfterMs } : {}),
    ...(failure ? { lastError: failure.error } : {}),
  };
  if (delivered.length === 0) return { assessment, delivered, ...outcome };
  const updated = await recordPosts(deps, assessment, delivered);
  return { assessment: updated, delivered, ...outcome };
}

async function recordPosts(deps: AppDeps, assessment: Assessment, posts: ChannelPost[]): Promise<Assessment> {
  let current = assessment;
  for (let attempt = 0; attempt < 3; attempt++) {
    const saved = await deps.store.saveAssessment(
      { ...current, posts: [...current.posts, ...posts] },
      current.version,
    );
    if (saved.kind === 'saved') return saved.record;
    if (!saved.current) break;
    current = saved.current;
  }
  deps.logger.error({ assessment: assessment.id }, 'could not record where the outcome was posted');
  return current;
}

export function errorSummary(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}

/** What a retry needs of an attempt's failures: the last error, and the longest Retry-After asked for. */
export interface DeliveryFailure {
  error: string;
  retryAfterMs?: number;
}

/** `previous` with `error` added: several targets may fail, and the retry waits for the longest. */
export function withFailure(previous: DeliveryFailure | undefined, error: unknown): DeliveryFailure {
  const retryAfterMs = Math.max(retryAfterMsOf(error) ?? 0, previous?.retryAfterMs ?? 0);
  return { error: errorSummary(error), ...(retryAfterMs > 0 ? { retryAfterMs } : {}) };
}

/** Puts a failed delivery in the reminder machinery's hands: retried with backoff, once per channel. */
export function scheduleOutcomeRetry(deps: AppDeps, assessment: Assessment): Promise<void> {
  return scheduleRetry(deps, assessment, 'outcomeDelivery', `deliver:${assessment.id}`, []);
}

/**
 * A row the reminder sweeper delivers now and retries with backoff (`deliverReminder` knows what
 * each kind does), unless the row `id` exists already; `posts` records what already succeeded.
 */
export async function scheduleRetry(
  deps: AppDeps,
  assessment: Assessment,
  kind: Extract<ReminderKind, 'outcomeDelivery' | 'decisionFollowUp'>,
  id: string,
  posts: Reminder['posts'],
): Promise<void> {
  if (await deps.store.getReminder(id)) return;
  const now = deps.clock.now().toISOString();
  await deps.store.saveReminder(
    {
      id,
      kind,
      departmentId: assessment.departmentId,
      assessmentId: assessment.id,
      dueAt: now,
      status: 'pending',
      attempts: 0,
      posts,
      createdAt: now,
      version: 0,
    },
    0,
  );
}
