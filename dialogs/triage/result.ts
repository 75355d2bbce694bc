/**
 * What triage produces: an explainable result. Every flag cites the answers that raised it, the
 * worst flag sets the level, and benefits are shown beside the risks without lowering them.
 */
import type { AreaId, Level } from '../questionnaire/schema.js';

export interface CitedAnswer {
  questionId: string;
  question: string;
  /** The answer as the user saw it ("Unsure", "China", "Sharing of personal data"). */
  answer: string;
  /** True when the answer was "unsure" and counted as "yes". */
  unsure: boolean;
}

export interface Flag {
  ruleId: string;
  area: AreaId;
  title: string;
  severity: Exclude<Level, 'low'>;
  because: CitedAnswer[];
  routes: string[];
  mandatory: boolean;
  advice?: string;
}

export interface AreaSummary {
  area: AreaId;
  level: Level;
  flagCount: number;
}

export interface SupportRoute {
  supportId: string;
  mandatory: boolean;
  /** Rule ids that led here; empty for routes suggested for every assessment. */
  becauseOf: string[];
}

export interface Proportionality {
  benefits: string[];
  note: string;
}

export interface TriageResult {
  level: Level;
  areas: AreaSummary[];
  flags: Flag[];
  routes: SupportRoute[];
  proportionality: Proportionality;
}
