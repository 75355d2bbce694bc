/**
 * Runtime settings from environment variables (secrets live only there). Production refuses to
 * start without the Teams app credentials; development accepts unauthenticated Teams traffic and
 * therefore binds to loopback only.
 */
import { z } from 'zod';
import { ConfigError, formatIssuePath } from './config-error.js';

export type Mode = 'development' | 'production';

export interface TeamsCredentials {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  /**
   * Entra authority (origin only) whose keys sign tokens and whose `<authority>/<tenant>/v2.0`
   * issuer is accepted; unset means Microsoft's public cloud. Set for sovereign clouds and tests.
   */
  authority?: string;
}

export interface SlackSettings {
  enabled: boolean;
  signingSecret?: string;
  botToken?: string;
  /** Web API base URL; only changed for tests or a proxy. */
  apiUrl?: string;
}

export interface RuntimeConfig {
  mode: Mode;
  host: string;
  port: number;
  organisationFile: string;
  dataDir: string;
  logLevel: string;
  teams: { enabled: boolean; credentials?: TeamsCredentials };
  slack: SlackSettings;
  /** How often due reminders are looked for (croner rule, real time); null: never (tests sweep by hand). */
  reminderSweepCron: string | null;
  /**
   * Where people reach this server from their browser (RISKCHECK_PUBLIC_URL): export download
   * links start with it. Unset: the loopback address in development; exports are off in production.
   */
  publicUrl?: string;
  /**
   * How long a saved dialog answer (a dedup key, a dialog's started/cancelled audit event) may wait for its fsync, in ms
   * (RISKCHECK_ANSWER_SYNC_MS, default 100; 0: fsync before every reply). Either way it is written
   * before the reply, so a crash of the process loses nothing; see storage/journal/append-log.ts.
   */
  answerSyncMs?: number;
}

export const DEFAULT_ANSWER_SYNC_MS = 100;

const boolean = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === 'true' || v === '1'));

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  RISKCHECK_CONFIG: z.string().min(1).default('config/example/organisation.yaml'),
  RISKCHECK_DATA_DIR: z.string().min(1).default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TEAMS_ENABLED: boolean,
  TEAMS_CLIENT_ID: z.string().optional(),
  TEAMS_CLIENT_SECRET: z.string().optional(),
  TEAMS_TENANT_ID: z.string().optional(),
  TEAMS_AUTHORITY: z.string().optional(),
  SLACK_ENABLED: boolean,
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_API_URL: z.string().url().optional(),
  RISKCHECK_REMINDER_SWEEP: z.string().min(1).default('* * * * *'),
  RISKCHECK_PUBLIC_URL: z.string().url().optional(),
  RISKCHECK_ANSWER_SYNC_MS: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_ANSWER_SYNC_MS),
});

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function loadRuntimeConfig(env: NodeJS.ProcessEnv): RuntimeConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      'environment variables',
      parsed.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message })),
    );
  }
  const e = parsed.data;
  const mode: Mode = e.NODE_ENV === 'production' ? 'production' : 'development';
  const teamsEnabled = e.TEAMS_ENABLED ?? true;
  const authority = e.TEAMS_AUTHORITY ? teamsAuthority(e.TEAMS_AUTHORITY) : undefined;
  const credentials: TeamsCredentials | undefined =
    e.TEAMS_CLIENT_ID && e.TEAMS_CLIENT_SECRET && e.TEAMS_TENANT_ID
      ? {
          clientId: e.TEAMS_CLIENT_ID,
          clientSecret: e.TEAMS_CLIENT_SECRET,
          tenantId: e.TEAMS_TENANT_ID,
          ...(authority ? { authority } : {}),
        }
      : undefined;

  if (mode === 'production' && teamsEnabled && !credentials) {
    const missing = ['TEAMS_CLIENT_ID', 'TEAMS_CLIENT_SECRET', 'TEAMS_TENANT_ID'].filter((k) => !env[k]);
    throw new ConfigError('environment variables', [
      {
        path: missing.join(', '),
        message:
          'production mode (NODE_ENV=production) needs the Teams app registration: set these from your Azure Bot (single-tenant app id, client secret, tenant id), or set TEAMS_ENABLED=false',
      },
    ]);
  }
  const slack = slackSettings(e, mode);
  const host = e.HOST ?? (mode === 'production' ? '0.0.0.0' : '127.0.0.1');
  if (mode === 'development' && !credentials && !LOOPBACK.has(host)) {
    throw new ConfigError('environment variables', [
      {
        path: 'HOST',
        message: `development mode accepts unauthenticated Teams requests, so it listens on loopback only; remove HOST=${host} or configure TEAMS_CLIENT_ID/SECRET/TENANT_ID`,
      },
    ]);
  }
  return {
    mode,
    host,
    port: e.PORT,
    organisationFile: e.RISKCHECK_CONFIG,
    dataDir: e.RISKCHECK_DATA_DIR,
    logLevel: e.LOG_LEVEL,
    teams: { enabled: teamsEnabled, ...(credentials ? { credentials } : {}) },
    slack,
    reminderSweepCron: e.RISKCHECK_REMINDER_SWEEP === 'off' ? null : e.RISKCHECK_REMINDER_SWEEP,
    answerSyncMs: e.RISKCHECK_ANSWER_SYNC_MS,
    ...(e.RISKCHECK_PUBLIC_URL ? { publicUrl: publicUrl(e.RISKCHECK_PUBLIC_URL, mode) } : {}),
  };
}

/**
 * The authority decides where token signing keys are fetched from, so a plain-http one would let
 * anyone on the path substitute keys and forge Teams tokens: https only, except loopback (tests).
 * An origin only: the tenant comes from TEAMS_TENANT_ID, so issuers cannot silently disagree.
 */
function teamsAuthority(value: string): string {
  const refuse = (message: string) =>
    new ConfigError('environment variables', [{ path: 'TEAMS_AUTHORITY', message }]);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse('must be a URL such as https://login.microsoftonline.us');
  }
  const loopback = LOOPBACK.has(url.hostname) || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw refuse(
      `must use https (token signing keys are fetched from it); got ${url.protocol}//${url.hostname}`,
    );
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    throw refuse(
      'must be the authority origin only (for example https://login.microsoftonline.us), without a tenant path, query or credentials; the tenant comes from TEAMS_TENANT_ID',
    );
  }
  return url.origin;
}

/**
 * Export links carry personal data to whoever opens them: in production they must travel over
 * https. Kept as an origin plus path prefix without a trailing slash, so `${publicUrl}/exports/…` works.
 */
function publicUrl(value: string, mode: Mode): string {
  const url = new URL(value);
  if (mode === 'production' && url.protocol !== 'https:') {
    throw new ConfigError('environment variables', [
      {
        path: 'RISKCHECK_PUBLIC_URL',
        message: `must use https in production; got ${url.protocol}//${url.host}`,
      },
    ]);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError('environment variables', [
      { path: 'RISKCHECK_PUBLIC_URL', message: 'must be a plain URL without credentials, query or fragment' },
    ]);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Slack is on when its signing secret is set (or SLACK_ENABLED=true). Slack requests are always
 * verified, in development too, so a secret and a bot token are required whenever it is on.
 */
function slackSettings(e: z.infer<typeof envSchema>, mode: Mode): SlackSettings {
  const enabled = e.SLACK_ENABLED ?? Boolean(e.SLACK_SIGNING_SECRET);
  if (!enabled) return { enabled: false };
  const missing = [
    ...(e.SLACK_SIGNING_SECRET ? [] : ['SLACK_SIGNING_SECRET']),
    ...(e.SLACK_BOT_TOKEN ? [] : ['SLACK_BOT_TOKEN']),
  ];
  if (missing.length > 0) {
    throw new ConfigError('environment variables', [
      {
        path: missing.join(', '),
        message: `Slack is enabled${mode === 'production' ? ' in production' : ''}: set the app's signing secret and bot token (Basic Information and OAuth & Permissions pages of your Slack app), or set SLACK_ENABLED=false`,
      },
    ]);
  }
  return {
    enabled: true,
    signingSecret: e.SLACK_SIGNING_SECRET,
    botToken: e.SLACK_BOT_TOKEN,
    ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
  };
}
