/**
 * Posts an assessment's approval request into its department's linked channels and records each
 * post on the assessment, so a decision can later update the card in place. A failed post is
 * logged and audited; the assessment itself is already stored and is posted again when the
 * channel is (re)linked.
 */
import type { Assessment, ChannelPost } from '../../dialogs/assessment.js';
import { type AppDeps, audit } from './app-deps.js';
import { departmentChannels } from './department-channels.js';
import { approvalRequestFor } from './outcome-presenter.js';

export interface DeliveryReport {
  assessment: Assessment;
  delivered: ChannelPost[];
  failed: number;
  linkedChannels: number;
}

export async function deliverOutcome(deps: AppDeps, assessment: Assessment): Promise<DeliveryReport> {
  const links = await departmentChannels(deps.store, deps.organisation, assessment.departmentId);
  const delivered: ChannelPost[] = [];
  let failed = 0;
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
      deps.logger.warn(
        { err: errorSummary(error), platform: link.platform, assessment: assessment.id },
        'could not post the outcome to the department channel; it stays stored and is posted again when the channel is linked',
      );
      await audit(deps, 'system', 'delivery.failed', assessment.id, { platform: link.platform });
    }
  }
  if (delivered.length === 0) return { assessment, delivered, failed, linkedChannels: links.length };
  const updated = await recordPosts(deps, assessment, delivered);
  return { assessment: updated, delivered, failed, linkedChannels: links.length };
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
