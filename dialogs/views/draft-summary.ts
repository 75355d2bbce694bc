/**
 * How a saved draft (a dialog session) is listed on the welcome and "my assessments" cards.
 */
import type { DialogSession } from '../session.js';
import type { WelcomeView } from './view-model.js';

/** Title shown for a draft before the user has given it one. */
export const UNTITLED = 'Untitled riskcheck';

export function draftTitle(session: DialogSession): string {
  const title = session.answers.title;
  return typeof title === 'string' && title.trim() !== '' ? title : UNTITLED;
}

/** Most recently touched first, so "resume" offers the likely one on top. */
export function draftSummaries(sessions: readonly DialogSession[]): WelcomeView['drafts'] {
  return [...sessions]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
    .map((s) => ({ sessionId: s.id, title: draftTitle(s), updatedAt: s.updatedAt }));
}
