/**
 * Reminders as records in the store, not timers: each has a deterministic id, a due time and a
 * sent marker, so a restart never sends one twice and one missed while the bot was down is sent
 * once when it comes back.
 */
export const REMINDER_KINDS = [
  /** Start of a semester: the department should discuss responsible internationalisation. */
  'discussion',
  /** No discussion recorded within the grace period: tell the head (and deans). */
  'discussionFollowUp',
  /** A planned or ongoing collaboration is due for its periodic reassessment. */
  'reassessment',
  /** The end date the submitter gave is near: reassess at the end of the collaboration. */
  'endingSoon',
  /** An outcome has waited N working days for a decision: nudge the decision makers. */
  'pendingNudge',
  /** Still undecided after M working days: escalate as configured. */
  'pendingEscalation',
  /**
   * Not a reminder but the same machinery: an outcome whose post to the department channel failed
   * is retried with backoff until it is delivered once.
   */
  'outcomeDelivery',
  /**
   * The same for a decision: updating the posted outcome cards or telling the submitter failed,
   * and is retried with backoff until each is done once.
   */
  'decisionFollowUp',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type ReminderStatus = 'pending' | 'sent' | 'cancelled';

export interface Reminder {
  /** Deterministic, e.g. `discussion:gph:2027-02-01T08:00:00.000Z`: planning twice finds the same row. */
  id: string;
  kind: ReminderKind;
  departmentId: string;
  /** For reassessment, endingSoon and pending*: the assessment it is about. */
  assessmentId?: string;
  /** For discussionFollowUp: the discussion reminder it follows up. */
  followsUp?: string;
  dueAt: string;
  status: ReminderStatus;
  /** Failed delivery attempts so far; delivery is retried with backoff. */
  attempts: number;
  /** Not before this time (backoff, Retry-After). */
  nextAttemptAt?: string;
  lastError?: string;
  sentAt?: string;
  /** Where it was posted, so a recorded discussion can update the card. */
  posts: { platform: 'teams' | 'slack'; conversationId: string; messageId: string }[];
  createdAt: string;
  version: number;
}

/** "We discussed this", recorded from a discussion reminder. */
export interface Discussion {
  id: string;
  departmentId: string;
  /** The reminder it answers, if any. */
  reminderId?: string;
  /** The day the discussion took place (YYYY-MM-DD), as given, or the day it was recorded. */
  heldOn: string;
  note: string;
  recordedBy: { platform: 'teams' | 'slack'; userId: string; displayName: string };
  recordedAt: string;
}
