/** The one wording of each triage level, shared by every view and renderer. */
import type { Level } from '../questionnaire/schema.js';

export const LEVEL_LABELS: Record<Level, string> = {
  low: 'Low',
  elevated: 'Elevated',
  high: 'High',
  escalate: 'Escalate to management',
};
