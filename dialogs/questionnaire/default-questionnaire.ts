/**
 * The built-in questionnaire: our own wording of the national guidelines' five areas plus context
 * and benefits. An organisation may replace it in configuration; bump the version on any change
 * so stored assessments keep pointing at the wording they were answered with.
 */
import { BENEFITS_SECTION } from './default/benefits.js';
import { CONTEXT_SECTION } from './default/context.js';
import { DESIGN_RULES, DESIGN_SECTION } from './default/design.js';
import { FOREIGN_RULES, FOREIGN_SECTION } from './default/foreign.js';
import { NATIONAL_RULES, NATIONAL_SECTION } from './default/national.js';
import { ORGANISATION_RULES, ORGANISATION_SECTION } from './default/organisation.js';
import { PARTNER_RULES, PARTNER_SECTION } from './default/partner.js';
import type { QuestionnaireInput } from './schema.js';

export const DEFAULT_QUESTIONNAIRE: QuestionnaireInput = {
  id: 'riskcheck_default',
  version: '2026.1.0',
  title: 'Responsible internationalisation risk check',
  maxQuestionsPerStep: 5,
  sections: [
    CONTEXT_SECTION,
    NATIONAL_SECTION,
    ORGANISATION_SECTION,
    FOREIGN_SECTION,
    PARTNER_SECTION,
    DESIGN_SECTION,
    BENEFITS_SECTION,
  ],
  rules: [...NATIONAL_RULES, ...ORGANISATION_RULES, ...FOREIGN_RULES, ...PARTNER_RULES, ...DESIGN_RULES],
  // The department's administrative support is the first stop for any question.
  alwaysRoute: ['department_admin'],
};
