/**
 * `/api/messages`: Bot Framework requests authenticated by the Agents SDK's JWT middleware
 * (anonymous only in development, where the server listens on loopback), processed by the
 * CloudAdapter with the riskcheck turn handler.
 */
import { type AuthConfiguration, authorizeJWT, CloudAdapter } from '@microsoft/agents-hosting';
import { type Request, type Response, Router } from 'express';
import type { JwtPayload } from 'jsonwebtoken';
import type { AppDeps } from '../../app/app-deps.js';
import type { ChannelGateway } from '../../app/channel-gateway.js';
import type { TeamsCredentials } from '../../config/runtime-config.js';
import { cleanForLog } from '../../logger.js';
import { createTeamsGateway } from './teams-gateway.js';
import { createTeamsTurnHandler } from './teams-turn.js';

export interface TeamsChannel {
  router: Router;
  gateway: ChannelGateway;
}

/** Registers the Teams gateway in `deps.gateways` so use cases can post to Teams. */
export function createTeamsChannel(deps: AppDeps, credentials: TeamsCredentials | undefined): TeamsChannel {
  const authConfig: AuthConfiguration = credentials
    ? {
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        tenantId: credentials.tenantId,
      }
    : {};
  // Production checks that the activity's serviceUrl matches the token's claim.
  const adapter = new CloudAdapter(authConfig, undefined, undefined, {
    validateServiceUrl: Boolean(credentials),
  });
  adapter.onTurnError = async (context, error) => {
    deps.logger.error(
      { err: cleanForLog(error instanceof Error ? error.message : error, 300) },
      'Teams turn failed',
    );
    if (context.activity.type === 'invoke') {
      await context.sendActivity({
        type: 'invokeResponse',
        value: {
          status: 500,
          body: {
            statusCode: 500,
            type: 'application/vnd.microsoft.error',
            value: {
              code: 'internal',
              message: 'Something went wrong on our side. Your answers so far are saved; please try again.',
            },
          },
        },
      } as never);
    } else {
      await context.sendActivity(
        'Something went wrong on our side. Your answers so far are saved; please try again.',
      );
    }
  };
  // Anonymous development: an identity without an audience makes the SDK call the connector
  // without a token, which is what the local Playground and the test fakes expect.
  const identity: string | JwtPayload = credentials ? credentials.clientId : {};
  const gateway = createTeamsGateway(adapter, identity);
  deps.gateways.teams = gateway;
  const onTurn = createTeamsTurnHandler(deps, credentials ? { tenantId: credentials.tenantId } : {});

  const router = Router();
  router.post('/api/messages', authorizeJWT(authConfig) as never, async (req: Request, res: Response) => {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      res.status(400).json({ error: 'The request body must be a Bot Framework activity (JSON object).' });
      return;
    }
    await adapter.process(req as never, res as never, onTurn);
  });
  return { router, gateway };
}
