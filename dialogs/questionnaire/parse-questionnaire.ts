/**
 * Validates a questionnaire definition (built in or from an organisation's config): the zod shape
 * plus the cross-field rules the dialog relies on, with issues that name the path and the fix.
 */
import { referencedQuestions } from './conditions.js';
import { COLLABORATION_TYPES, REQUIRED_CONTEXT_KINDS, STAGES } from './context-questions.js';
import {
  type Condition,
  type Question,
  type Questionnaire,
  questionnaireSchema,
  YES_NO_UNSURE,
} from './schema.js';

export interface QuestionnaireIssue {
  path: string;
  message: string;
}

export type ParseQuestionnaireResult =
  | { ok: true; questionnaire: Questionnaire }
  | { ok: false; issues: QuestionnaireIssue[] };

/** `['sections', 2, 'questions', 0, 'showIf']` → `sections[2].questions[0].showIf`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

const KINDS_WITH_OPTIONS = new Set(['choice', 'multiChoice']);
// Their choices come from elsewhere (fixed, country list, organisation), so options would be ignored.
const KINDS_WITHOUT_OPTIONS = new Set(['yesNoUnsure', 'country', 'department']);

/** Allowed option values for context questions whose values other modules interpret. */
const CONTEXT_OPTION_VALUES: Record<string, readonly string[]> = {
  collaboration_type: COLLABORATION_TYPES,
  stage: STAGES,
};

export function parseQuestionnaire(input: unknown): ParseQuestionnaireResult {
  const parsed = questionnaireSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  }
  const questionnaire = parsed.data;
  const issues = crossFieldIssues(questionnaire);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, questionnaire };
}

function crossFieldIssues(q: Questionnaire): QuestionnaireIssue[] {
  const issues: QuestionnaireIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  /** Questions seen so far, in order: a showIf may only read these. */
  const earlier = new Map<string, { question: Question; path: string }>();
  const sectionIds = new Map<string, string>();

  q.sections.forEach((section, s) => {
    const sectionPath = `sections[${s}]`;
    const sameSection = sectionIds.get(section.id);
    if (sameSection !== undefined) {
      add(
        `${sectionPath}.id`,
        `section id "${section.id}" is already used by ${sameSection}; give each section its own id`,
      );
    } else sectionIds.set(section.id, sectionPath);

    section.questions.forEach((question, i) => {
      const path = `${sectionPath}.questions[${i}]`;
      const duplicate = earlier.get(question.id);
      if (duplicate !== undefined) {
        add(
          `${path}.id`,
          `question id "${question.id}" is already used by ${duplicate.path}; give each question its own id`,
        );
      }
      issues.push(...optionIssues(question, path));
      if (question.showIf !== undefined) {
        issues.push(...conditionIssues(question.showIf, `${path}.showIf`, earlier, 'earlier'));
      }
      if (duplicate === undefined) earlier.set(question.id, { question, path });
    });
  });

  for (const [id, kind] of Object.entries(REQUIRED_CONTEXT_KINDS)) {
    const found = earlier.get(id);
    if (found === undefined) {
      add('sections', `add the context question "${id}" (kind "${kind}"): routing and titles rely on it`);
    } else if (found.question.kind !== kind) {
      add(
        `${found.path}.kind`,
        `the context question "${id}" must have kind "${kind}", not "${found.question.kind}"`,
      );
    }
  }

  const ruleIds = new Map<string, string>();
  q.rules.forEach((rule, r) => {
    const path = `rules[${r}]`;
    const duplicate = ruleIds.get(rule.id);
    if (duplicate !== undefined) {
      add(`${path}.id`, `rule id "${rule.id}" is already used by ${duplicate}; give each rule its own id`);
    } else ruleIds.set(rule.id, path);
    issues.push(...conditionIssues(rule.when, `${path}.when`, earlier, 'any'));
  });
  return issues;
}

function optionIssues(question: Question, path: string): QuestionnaireIssue[] {
  const issues: QuestionnaireIssue[] = [];
  const options = question.options ?? [];
  if (KINDS_WITH_OPTIONS.has(question.kind) && options.length === 0) {
    issues.push({
      path: `${path}.options`,
      message: `a ${question.kind} question needs at least one option`,
    });
  }
  if (KINDS_WITHOUT_OPTIONS.has(question.kind) && question.options !== undefined) {
    issues.push({
      path: `${path}.options`,
      message: `remove "options": a ${question.kind} question gets its choices automatically`,
    });
  }
  if (
    !KINDS_WITH_OPTIONS.has(question.kind) &&
    !KINDS_WITHOUT_OPTIONS.has(question.kind) &&
    options.length > 0
  ) {
    issues.push({
      path: `${path}.options`,
      message: `remove "options": a ${question.kind} question has no choices`,
    });
  }
  const seen = new Set<string>();
  const allowed = CONTEXT_OPTION_VALUES[question.id];
  options.forEach((option, o) => {
    if (seen.has(option.value)) {
      issues.push({
        path: `${path}.options[${o}].value`,
        message: `option value "${option.value}" appears twice; make each value unique`,
      });
    }
    seen.add(option.value);
    if (allowed !== undefined && !allowed.includes(option.value)) {
      issues.push({
        path: `${path}.options[${o}].value`,
        message: `"${option.value}" is not a value ${question.id} understands; use one of: ${allowed.join(', ')}`,
      });
    }
  });
  return issues;
}

/**
 * `earlier`: a showIf may read only questions before it (otherwise the answer it needs is not
 * known when the card is built). `any`: a rule may read any question of the questionnaire.
 */
function conditionIssues(
  condition: Condition,
  path: string,
  known: ReadonlyMap<string, { question: Question; path: string }>,
  scope: 'earlier' | 'any',
): QuestionnaireIssue[] {
  const issues: QuestionnaireIssue[] = [];
  for (const id of referencedQuestions(condition)) {
    if (!known.has(id)) {
      issues.push({
        path,
        message:
          scope === 'earlier'
            ? `the condition reads "${id}", which is not a question asked before this one; refer only to earlier questions`
            : `the condition reads "${id}", which is not a question of this questionnaire; fix the id or add the question`,
      });
    }
  }
  for (const leaf of leaves(condition)) {
    const target = known.get(leaf.question)?.question;
    if (target === undefined) continue;
    if (
      (leaf.kind === 'countryFact' || leaf.kind === 'academicFreedomAtLeast') &&
      target.kind !== 'country'
    ) {
      issues.push({
        path,
        message: `"${leaf.kind}" needs a country question, but "${target.id}" is ${target.kind}`,
      });
    }
    if (leaf.kind === 'answerIs') {
      const values = allowedValues(target);
      const bad = values === undefined ? [] : leaf.values.filter((v) => !values.includes(v));
      if (bad.length > 0) {
        issues.push({
          path,
          message: `"${target.id}" has no option ${bad.map((v) => `"${v}"`).join(', ')}; use one of: ${values?.join(', ')}`,
        });
      }
    }
  }
  return issues;
}

function allowedValues(question: Question): readonly string[] | undefined {
  if (question.kind === 'yesNoUnsure') return YES_NO_UNSURE;
  if (KINDS_WITH_OPTIONS.has(question.kind)) return (question.options ?? []).map((o) => o.value);
  return undefined;
}

type Leaf = Exclude<Condition, { kind: 'all' | 'any' | 'not' }>;

function leaves(condition: Condition): Leaf[] {
  switch (condition.kind) {
    case 'all':
    case 'any':
      return condition.of.flatMap(leaves);
    case 'not':
      return leaves(condition.of);
    default:
      return [condition];
  }
}
