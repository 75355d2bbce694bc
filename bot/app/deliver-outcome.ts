/**
 * Posts an assessment's approval request into its department's linked channels and records each
 * post on the assessment, so a decision can later update the card in place. A failed post is
 * logged and audited; the assessment itself is already stored, and the reminder sweeper retries
 * the channels that did not get it (see scheduleOutcomeRetry) until each has it once.
 */
import type { Assessment, ChannelPost } from '../../dialogs/assessment.js';
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
  let retryAfterMs: number | undefined;
  let lastError: string | undefined;
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
      lastError = errorSummary(error);
      retryAfterMs = Math.max(retryAfterMs ?? 0, retryAfterMsOf(error) ?? 0) || undefined;
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
    ...(retryAfterMs ? { retryAfterMs } : {}),
    ...(lastError ? { lastError } : {}),
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

/** Puts a failed delivery in the reminder machinery's hands: retried with backoff, once per channel. */
export async function scheduleOutcomeRetry(deps: AppDeps, assessment: Assessment): Promise<void> {
  const now = deps.clock.now().toISOString();
  const id = `deliver:${assessment.id}`;
  const existing = await deps.store.getReminder(id);
  if (existing) return;
  await deps.store.saveReminder(
    {
      id,
      kind: 'outcomeDelivery',
      departmentId: assessment.departmentId,
      assessmentId: assessment.id,
      dueAt: now,
      status: 'pending',
      attempts: 0,
      posts: [],
      createdAt: now,
      version: 0,
    },
    0,
  );
}
