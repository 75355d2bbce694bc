/**
 * `GET /exports/<token>`: hands out a waiting export once, then forgets it. Unknown, used and
 * expired tokens all get the same 404 so a probe learns nothing. HEAD is answered without
 * consuming the export, so a link checker cannot use up the one download.
 */
import { type Response, Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import { audit } from '../app/app-deps.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { EXPORT_PATH } from './export-command.js';
import { ExportVault, registerExportDelivery } from './export-vault.js';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * `runtime` is the server's runtime config; only what links need is read. In development without
 * RISKCHECK_PUBLIC_URL links point at the loopback port; in production exports then stay off.
 */
export function createExportRouter(
  deps: AppDeps,
  runtime: Partial<Pick<RuntimeConfig, 'mode' | 'publicUrl' | 'host' | 'port'>>,
  vault = new ExportVault(deps.clock),
): Router {
  const host = runtime.host?.includes(':') ? `[${runtime.host}]` : (runtime.host ?? '127.0.0.1');
  const publicUrl =
    runtime.publicUrl ??
    (runtime.mode === 'development' ? `http://${host}:${runtime.port ?? 3978}` : undefined);
  registerExportDelivery(deps, { vault, publicUrl });

  const router = Router();
  const notFound = (res: Response) => {
    res.status(404).set('Cache-Control', 'no-store').json({ error: 'Not found' });
  };
  router.head(`${EXPORT_PATH}/:token`, (_req, res) => {
    res.status(404).set('Cache-Control', 'no-store').end();
  });
  router.get(`${EXPORT_PATH}/:token`, async (req, res, next) => {
    try {
      const token = req.params.token;
      const file = typeof token === 'string' && TOKEN.test(token) ? vault.take(token) : undefined;
      if (!file) {
        notFound(res);
        return;
      }
      await audit(deps, file.createdBy, 'export.downloaded', file.exportId);
      res
        .status(200)
        .set({
          'Content-Type': file.contentType,
          'Content-Disposition': `attachment; filename="${file.fileName}"`,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
        })
        .send(file.body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
