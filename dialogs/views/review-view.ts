/**
 * Builds the review card: every visible question with its answer as the user saw it, grouped by
 * section, each section with the step that Edit opens.
 */
import type { DialogContext } from '../dialog/types.js';
import { visibleQuestions, visibleSteps } from '../questionnaire/steps.js';
import type { DialogSession } from '../session.js';
import { displayAnswer } from './answer-display.js';
import type { ReviewSection, ReviewView } from './view-model.js';

/** Shown for a required question without an answer (possible after an edit revealed it). */
export const MISSING_REQUIRED = 'Not answered yet (required)';

export function reviewView(context: DialogContext, session: DialogSession, notice?: string): ReviewView {
  const { questionnaire, countryReference } = context;
  const sections: ReviewSection[] = [];
  for (const step of visibleSteps(questionnaire, session.answers, countryReference)) {
    let section = sections.find((s) => s.sectionId === step.sectionId);
    if (section === undefined) {
      // Edit opens the section's first visible step; Next then walks the rest of the section.
      section = {
        sectionId: step.sectionId,
        editStepId: step.id,
        title: questionnaire.sections.find((s) => s.id === step.sectionId)?.title ?? '',
        items: [],
      };
      sections.push(section);
    }
    for (const question of visibleQuestions(step, questionnaire, session.answers, countryReference)) {
      section.items.push({
        questionId: question.id,
        label: question.label,
        answer:
          question.required && session.answers[question.id] === undefined
            ? MISSING_REQUIRED
            : displayAnswer(question, session.answers[question.id], context),
      });
    }
  }
  const view: ReviewView = { kind: 'review', sessionId: session.id, title: questionnaire.title, sections };
  if (notice !== undefined) view.notice = notice;
  return view;
}
