/**
 * The organisation as configured by the International Office: departments and who decides for
 * them, support functions with their links, and which roles answer for which kind of
 * collaboration. Validated with zod; the bot layer loads it from a JSON or YAML file.
 */
import { z } from 'zod';
import { COLLABORATION_TYPES } from '../questionnaire/context-questions.js';

const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'ids are lower case letters, digits, "_" or "-" (max 40)');

export const personSchema = z
  .object({
    name: z.string().min(1).max(100),
    email: z.string().email().optional(),
    /** Entra ID (AAD) object id: what Teams sends as from.aadObjectId. */
    teamsAadObjectId: z.string().min(1).max(100).optional(),
    /** Slack member id, e.g. U012AB3CD. */
    slackUserId: z
      .string()
      .regex(/^[UW][A-Z0-9]{2,20}$/, 'a Slack member id looks like U012AB3CD')
      .optional(),
  })
  .refine((p) => p.teamsAadObjectId !== undefined || p.slackUserId !== undefined, {
    message: 'give the person a teamsAadObjectId, a slackUserId or both, or they can never act',
  });

export const ROLES = [
  'head_of_department',
  'research_supervisor',
  'education_board',
  'programme_board',
  'dean',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  head_of_department: 'head of department',
  research_supervisor: 'immediate supervisor',
  education_board: "department's education board",
  programme_board: 'programme board',
  dean: 'dean',
};

export const teamsChannelSchema = z.object({
  conversationId: z.string().min(1),
  serviceUrl: z.string().url(),
  tenantId: z.string().min(1).optional(),
});

export const slackChannelSchema = z.object({
  channelId: z.string().regex(/^[CGD][A-Z0-9]{2,20}$/, 'a Slack channel id looks like C012AB3CD'),
});

export const departmentSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(120),
  heads: z.array(personSchema).min(1, 'every department needs at least one head of department'),
  researchSupervisors: z.array(personSchema).default([]),
  educationBoard: z.array(personSchema).default([]),
  programmeBoard: z.array(personSchema).default([]),
  /** Programmes managed centrally: the dean stands in for the head of department. */
  programmesManagedCentrally: z.boolean().default(false),
  channels: z
    .object({ teams: teamsChannelSchema.optional(), slack: slackChannelSchema.optional() })
    .default({}),
});

export const supportFunctionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'ids are lower case letters, digits and "_"'),
  name: z.string().min(1).max(120),
  description: z.string().min(1).max(300),
  url: z.string().url().optional(),
  contact: z.string().max(200).optional(),
});

const responsibilitySchema = z.object(
  Object.fromEntries(COLLABORATION_TYPES.map((t) => [t, z.array(z.enum(ROLES)).min(1).optional()])) as Record<
    (typeof COLLABORATION_TYPES)[number],
    z.ZodOptional<z.ZodArray<z.ZodEnum<{ [K in Role]: K }>>>
  >,
);

export const organisationSchema = z.object({
  name: z.string().min(1).max(120),
  timezone: z.string().min(1).default('Europe/Stockholm'),
  /** International Office and other administrators: may link any department's channel. */
  admins: z.array(personSchema).default([]),
  deans: z.array(personSchema).default([]),
  departments: z.array(departmentSchema).min(1),
  supportFunctions: z.array(supportFunctionSchema).min(1),
  /** Which roles decide, per collaboration type; missing types use the guideline defaults. */
  responsibility: responsibilitySchema.default({}),
});

export type Person = z.infer<typeof personSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type SupportFunction = z.infer<typeof supportFunctionSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type TeamsChannel = z.infer<typeof teamsChannelSchema>;
export type SlackChannel = z.infer<typeof slackChannelSchema>;
