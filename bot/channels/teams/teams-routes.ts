/**
 * `/api/messages`: Bot Framework requests authenticated by the Agents SDK's JWT middleware
 * (signature via the authority's keys, audience, expiry, issuer; anonymous only in development,
 * where the server listens on loopback) plus our time-claim check, then processed by the
 * CloudAdapter with the riskcheck turn handler.
 */
import { type AuthConfiguration, CloudAdapter } from '@microsoft/agents-hosting';
import { type NextFunction, type Request, type Response, Router } from 'express';
import type { JwtPayload } from 'jsonwebtoken';
import type { AppDeps } from '../../app/app-deps.js';
import type { ChannelGateway } from '../../app/channel-gateway.js';
import { CANNOT_SAVE_MESSAGE } from '../../app/reply.js';
import type { TeamsCredentials } from '../../config/runtime-config.js';
import { cleanForLog } from '../../logger.js';
import { createTeamsGateway } from './teams-gateway.js';
import { createTeamsTurnHandler } from './teams-turn.js';
import { requireTokenTimes } from './token-claims.js';

export interface TeamsChannel {
  router: Router;
  gateway: ChannelGateway;
}

const TRY_AGAIN = 'Something went wrong on our side. Your answers so far are saved; please try again.';

/** Registers the Teams gateway in `deps.gateways` so use cases can post to Teams. */
export function createTeamsChannel(deps: AppDeps, credentials: TeamsCredentials | undefined): TeamsChannel {
  const authConfig: AuthConfiguration = credentials ? authConfigFor(credentials) : {};
  // Production checks that the activity's serviceUrl matches the token's claim.
  const adapter = new CloudAdapter(authConfig, undefined, undefined, {
    validateServiceUrl: Boolean(credentials),
  });
  adapter.onTurnError = async (context, error) => {
    deps.logger.error(
      { err: cleanForLog(error instanceof Error ? error.message : error, 300) },
      'Teams turn failed',
    );
    // A store that refuses every save (see RiskcheckStore.health) will refuse the retry too.
    const message = deps.store.health().ok ? TRY_AGAIN : CANNOT_SAVE_MESSAGE;
    if (context.activity.type === 'invoke') {
      await context.sendActivity({
        type: 'invokeResponse',
        value: {
          status: 500,
          body: {
            statusCode: 500,
            type: 'application/vnd.microsoft.error',
            value: { code: 'internal', message },
          },
        },
      } as never);
    } else {
      await context.sendActivity(message);
    }
  };
  // Anonymous development: an identity without an audience makes the SDK call the connector
  // without a token, which is what the local Playground and the test fakes expect.
  const identity: string | JwtPayload = credentials ? credentials.clientId : {};
  const gateway = createTeamsGateway(adapter, identity);
  deps.gateways.teams = gateway;
  const onTurn = createTeamsTurnHandler(deps, credentials ? { tenantId: credentials.tenantId } : {});

  const router = Router();
  // The adapter's own middleware: it runs on the configuration with the SDK defaults applied
  // (connections, issuers). `authorizeJWT(authConfig)` on the raw object finds no connection and
  // refuses every token, signed or not.
  const authenticate = (req: Request, res: Response, next: NextFunction) =>
    adapter.authorizeRequest(req as never, res as never, next);
  const checks = credentials ? [authenticate, requireTokenTimes] : [authenticate];
  router.post('/api/messages', ...checks, async (req: Request, res: Response) => {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      res.status(400).json({ error: 'The request body must be a Bot Framework activity (JSON object).' });
      return;
    }
    await adapter.process(req as never, res as never, onTurn);
  });
  return { router, gateway };
}

const PUBLIC_AUTHORITY = 'https://login.microsoftonline.com';

/**
 * Single-tenant Bot Framework authentication. Issuer validation is opt-in in the SDK: without it
 * any token signed by the authority's keys (shared by every Entra tenant) with our app id as
 * audience would pass. The accepted issuers are the Bot Connector's and our tenant's (v1 and v2);
 * the SDK adds Microsoft's own first-party tenants itself.
 */
export function authConfigFor(credentials: TeamsCredentials): AuthConfiguration {
  const authority = credentials.authority ?? PUBLIC_AUTHORITY;
  const connector = /login\.microsoftonline\.us$/i.test(new URL(authority).hostname)
    ? 'https://api.botframework.us'
    : 'https://api.botframework.com';
  return {
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    tenantId: credentials.tenantId,
    // Unset keeps the SDK's own default (Microsoft's public cloud), byte for byte.
    ...(credentials.authority ? { authority, authorityEndpoint: authority } : {}),
    issuers: [
      connector,
      `https://sts.windows.net/${credentials.tenantId}/`,
      `${authority}/${credentials.tenantId}/v2.0`,
    ],
    validateIssuer: true,
  };
}
