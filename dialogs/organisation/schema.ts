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

/** Per-department switch for reminders, set by an admin in the config. */
export const departmentRemindersSchema = z.object({
  enabled: z.boolean().default(true),
  /** No reminders for this department before this date (YYYY-MM-DD). */
  snoozedUntil: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD')
    .optional(),
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
  reminders: departmentRemindersSchema.prefault({}),
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

/**
 * The rhythm the guidelines ask for: regular discussions in each department, reassessment of
 * ongoing collaborations, and decisions that do not wait forever.
 */
export const reminderSettingsSchema = z.object({
  discussion: z
    .object({
      /**
       * Cron rule (croner syntax) in the organisation's time zone. Default: 09:00 on the first
       * Monday of February and of September, the start of each semester.
       */
      cron: z.string().min(9).max(100).default('0 9 * 2,9 MON#1'),
      /** Days after a discussion reminder before the head of department is followed up. */
      graceDays: z.number().int().min(1).max(365).default(30),
      /** Also tell the deans when a department has not recorded its discussion. */
      followUpDeans: z.boolean().default(true),
      guide: z
        .array(z.string().min(1).max(300))
        .min(1)
        .default([
          'Which international collaborations, visits or recruitments are planned or ongoing in the department?',
          'Did any assessment since the last discussion raise concerns, and were the measures carried out?',
          'Is everyone aware of the support functions and when to involve them?',
          'Has anything changed in the countries or partners we work with?',
        ]),
    })
    .prefault({}),
  reassessment: z
    .object({
      /** Remind the submitter to reassess a planned or ongoing collaboration this often. */
      intervalMonths: z.number().int().min(1).max(60).default(12),
      /** And this many days before the end date they gave. */
      daysBeforeEnd: z.number().int().min(1).max(365).default(30),
    })
    .prefault({}),
  pendingDecision: z
    .object({
      nudgeAfterWorkingDays: z.number().int().min(1).max(60).default(5),
      escalateAfterWorkingDays: z.number().int().min(2).max(120).default(10),
      /** Who hears about decisions still open after the escalation delay. */
      escalateTo: z.array(z.enum(['deans', 'admins'])).default(['deans', 'admins']),
    })
    .prefault({}),
});

/**
 * How long closed assessments keep their personal data. Unset `retentionMonths` keeps them
 * until someone asks for erasure; set, the scheduler anonymises (or deletes) decided assessments
 * submitted longer ago than that.
 */
export const dataCareSchema = z.object({
  retentionMonths: z.number().int().min(1).max(600).optional(),
  /** Anonymising keeps decisions and levels for statistics; deleting removes the record. */
  afterRetention: z.enum(['anonymise', 'delete']).default('anonymise'),
});

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
  reminders: reminderSettingsSchema.prefault({}),
  dataCare: dataCareSchema.prefault({}),
});

export type Person = z.infer<typeof personSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type SupportFunction = z.infer<typeof supportFunctionSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type TeamsChannel = z.infer<typeof teamsChannelSchema>;
export type SlackChannel = z.infer<typeof slackChannelSchema>;
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;
export type DataCareSettings = z.infer<typeof dataCareSchema>;
