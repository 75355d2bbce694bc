/**
 * Triage: applies the questionnaire's flag rules to the answers. The worst flag sets the level (no
 * averaging, which would hide a single severe risk), every flag cites the answers that raised it,
 * mandatory routes are kept whatever the level, and benefits are shown beside the risks without
 * ever lowering them.
 */

import type { Organisation } from '../organisation/schema.js';
import { evaluate } from '../questionnaire/conditions.js';
import {
  type Answers,
  AREA_IDS,
  type AreaId,
  LEVELS,
  type Level,
  type Question,
  type Questionnaire,
} from '../questionnaire/schema.js';
import type { CountryOption, CountryReference } from '../reference/country-facts.js';
import { type CiteContext, cite, displayAnswer } from './cite.js';
import type { AreaSummary, Flag, Proportionality, SupportRoute, TriageResult } from './result.js';

/** The five areas of the national guidelines always get a summary line, flagged or not. */
const CORE_AREAS: readonly AreaId[] = ['national', 'organisation', 'foreign', 'partner', 'design'];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function worstLevel(levels: Iterable<Level>): Level {
  let worst: Level = 'low';
  for (const level of levels) if (levelRank(level) > levelRank(worst)) worst = level;
  return worst;
}

/**
 * Only answers to questions that exist and are visible count. An answer left over from a branch
 * the user later closed (e.g. "animal experiments" unticked) must not raise a flag.
 */
export function visibleAnswers(
  questionnaire: Questionnaire,
  answers: Answers,
  countryReference: CountryReference,
): Answers {
  const kept: Answers = {};
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      const value = answers[question.id];
      if (value === undefined) continue;
      // showIf only looks backwards, so the answers kept so far are all it can depend on.
      if (question.showIf && !evaluate(question.showIf, kept, countryReference).holds) continue;
      kept[question.id] = value;
    }
  }
  return kept;
}

/**
 * Runs every rule of the questionnaire against the answers.
 *
 * `countries` gives display names for country codes in citations (the same list the dialog offers
 * the user); without it, or for a code it lacks, the citation shows the ISO code.
 */
export function triage(
  questionnaire: Questionnaire,
  answers: Answers,
  countryReference: CountryReference,
  organisation: Organisation,
  countries: readonly CountryOption[] = [],
): TriageResult {
  const given = visibleAnswers(questionnaire, answers, countryReference);
  const questions = new Map<string, Question>();
  for (const section of questionnaire.sections) for (const q of section.questions) questions.set(q.id, q);
  const context: CiteContext = { organisation, countries };

  const flags: Flag[] = [];
  for (const rule of questionnaire.rules) {
    const result = evaluate(rule.when, given, countryReference);
    if (!result.holds) continue;
    flags.push({
      ruleId: rule.id,
      area: rule.area,
      title: rule.title,
      severity: rule.severity,
      because: cite(result.causes, questions, given, rule.when, context),
      routes: [...new Set(rule.routes)],
      mandatory: rule.mandatory,
      ...(rule.advice !== undefined ? { advice: rule.advice } : {}),
    });
  }

  const level = worstLevel(flags.map((f) => f.severity));
  return {
    level,
    areas: summariseAreas(flags),
    flags,
    routes: collectRoutes(questionnaire.alwaysRoute, flags, organisation),
    proportionality: proportionality(questionnaire, given, level, context),
  };
}

function summariseAreas(flags: readonly Flag[]): AreaSummary[] {
  return AREA_IDS.flatMap((area): AreaSummary[] => {
    const inArea = flags.filter((f) => f.area === area);
    if (inArea.length === 0 && !CORE_AREAS.includes(area)) return [];
    return [{ area, level: worstLevel(inArea.map((f) => f.severity)), flagCount: inArea.length }];
  });
}

/**
 * Union of the routes suggested for everyone and those of every flag. A route id the organisation
 * has not configured is dropped, unless a flag makes it mandatory: a required consultation must
 * never disappear because of a gap in configuration, so it stays and is shown without a link.
 */
function collectRoutes(
  alwaysRoute: readonly string[],
  flags: readonly Flag[],
  organisation: Organisation,
): SupportRoute[] {
  const routes = new Map<string, SupportRoute>();
  for (const id of alwaysRoute) {
    if (!routes.has(id)) routes.set(id, { supportId: id, mandatory: false, becauseOf: [] });
  }
  for (const flag of flags) {
    for (const id of flag.routes) {
      const route = routes.get(id) ?? { supportId: id, mandatory: false, becauseOf: [] };
      route.mandatory ||= flag.mandatory;
      if (!route.becauseOf.includes(flag.ruleId)) route.becauseOf.push(flag.ruleId);
      routes.set(id, route);
    }
  }
  const configured = new Set(organisation.supportFunctions.map((s) => s.id));
  return [...routes.values()].filter((r) => r.mandatory || configured.has(r.supportId));
}

function proportionality(
  questionnaire: Questionnaire,
  answers: Answers,
  level: Level,
  context: CiteContext,
): Proportionality {
  const benefits: string[] = [];
  let described = false;
  for (const section of questionnaire.sections) {
    if (section.area !== 'benefits') continue;
    for (const question of section.questions) {
      const value = answers[question.id];
      if (value === undefined) continue;
      if (question.kind === 'multiChoice' || question.kind === 'choice') {
        const values = Array.isArray(value) ? value : [value];
        for (const v of values) {
          const label = displayAnswer(question, v, context);
          if (label.trim() !== '' && !benefits.includes(label)) benefits.push(label);
        }
      } else if (typeof value === 'string' && value.trim() !== '') {
        described = true;
      }
    }
  }
  const named = benefits.length > 0 || described;
  let note: string;
  if (named) {
    note =
      'The benefits are shown beside the risks for the decision maker to weigh. They do not lower the risk level.';
  } else if (level === 'low') {
    note = 'No benefits were described. Benefits are weighed beside the risks; they never lower the level.';
  } else {
    note =
      'No benefits were described. Describe the benefits before a decision is taken, so the risks can be weighed against them.';
  }
  return { benefits, note };
}
