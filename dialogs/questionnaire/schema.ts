/**
 * The questionnaire as versioned data: sections, questions, conditions and the flag rules that
 * triage applies. An organisation can replace it in configuration without touching code, so every
 * shape here is validated with zod and every assessment records the id and version it used.
 */
import { z } from 'zod';

export const AREA_IDS = [
  'context',
  'national',
  'organisation',
  'foreign',
  'partner',
  'design',
  'benefits',
] as const;
export type AreaId = (typeof AREA_IDS)[number];

export const LEVELS = ['low', 'elevated', 'high', 'escalate'] as const;
export type Level = (typeof LEVELS)[number];

export const ANSWER_KINDS = [
  'text',
  'longText',
  'choice',
  'multiChoice',
  'yesNoUnsure',
  'country',
  'department',
  'date',
] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** Values of a yes/no/unsure question. "unsure" is treated like "yes" by triage. */
export const YES_NO_UNSURE = ['yes', 'no', 'unsure'] as const;

const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'ids are lower case letters, digits and "_" (max 63)')
  // Answers are plain objects keyed by question id: "constructor" would read Object.prototype.
  .refine((id) => !(id in Object.prototype), 'this id is reserved; choose another (e.g. add a prefix)');
const optionValueSchema = z
  .string()
  .regex(/^[a-z0-9_-]{1,60}$/, 'option values are lower case letters, digits, "_" or "-" (no commas)');

export type Condition =
  | { kind: 'answerIs'; question: string; values: string[] }
  | { kind: 'answered'; question: string }
  | {
      kind: 'countryFact';
      question: string;
      fact: 'euEea' | 'gdprAdequacy' | 'euSanctions' | 'intelligenceCooperationLaw';
      is: boolean;
    }
  | { kind: 'academicFreedomAtLeast'; question: string; value: 1 | 2 | 3 }
  | { kind: 'all'; of: Condition[] }
  | { kind: 'any'; of: Condition[] }
  | { kind: 'not'; of: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('answerIs'), question: idSchema, values: z.array(z.string()).min(1) }),
    z.object({ kind: z.literal('answered'), question: idSchema }),
    z.object({
      kind: z.literal('countryFact'),
      question: idSchema,
      fact: z.enum(['euEea', 'gdprAdequacy', 'euSanctions', 'intelligenceCooperationLaw']),
      is: z.boolean(),
    }),
    z.object({
      kind: z.literal('academicFreedomAtLeast'),
      question: idSchema,
      value: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    }),
    z.object({ kind: z.literal('all'), of: z.array(conditionSchema).min(1) }),
    z.object({ kind: z.literal('any'), of: z.array(conditionSchema).min(1) }),
    z.object({ kind: z.literal('not'), of: conditionSchema }),
  ]),
);

export const optionSchema = z.object({
  value: optionValueSchema,
  label: z.string().min(1).max(75),
});

export const questionSchema = z.object({
  id: idSchema,
  kind: z.enum(ANSWER_KINDS),
  label: z.string().min(1).max(300),
  help: z.string().max(600).optional(),
  required: z.boolean().default(true),
  options: z.array(optionSchema).max(100).optional(),
  maxLength: z.number().int().min(1).max(2000).optional(),
  /** Ask only when this holds for the answers given so far (earlier steps only). */
  showIf: conditionSchema.optional(),
});

export const sectionSchema = z.object({
  id: idSchema,
  area: z.enum(AREA_IDS),
  title: z.string().min(1).max(100),
  intro: z.string().max(600).optional(),
  questions: z.array(questionSchema).min(1),
});

export const flagRuleSchema = z.object({
  id: idSchema,
  area: z.enum(AREA_IDS),
  /** Short statement shown to the user and the decision maker. */
  title: z.string().min(1).max(200),
  severity: z.enum(['elevated', 'high', 'escalate']),
  when: conditionSchema,
  /** Support functions (ids from the organisation config) this flag routes to. */
  routes: z.array(idSchema).default([]),
  /** A mandatory route is never softened by the level: it is always shown as required. */
  mandatory: z.boolean().default(false),
  advice: z.string().max(600).optional(),
});

export const questionnaireSchema = z.object({
  id: idSchema,
  version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'version is like "1.0" or "2026.1.0"'),
  title: z.string().min(1).max(100),
  /** Questions per card at most; long sections are split across steps. */
  maxQuestionsPerStep: z.number().int().min(1).max(10).default(5),
  sections: z.array(sectionSchema).min(1),
  rules: z.array(flagRuleSchema),
  /** Support functions always suggested, whatever the answers (e.g. department admin support). */
  alwaysRoute: z.array(idSchema).default([]),
});

export type Option = z.infer<typeof optionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type FlagRule = z.infer<typeof flagRuleSchema>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type QuestionnaireInput = z.input<typeof questionnaireSchema>;

/** A stored answer: a single string (text, choice, country, date...) or a list (multiChoice). */
export type AnswerValue = string | string[];
export type Answers = Record<string, AnswerValue>;
