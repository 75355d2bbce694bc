/**
 * `riskcheck export …`: the International Office (organisation admins) may export any department
 * or all of them, a head of department only their own. Who asks comes from the authenticated
 * request (the Actor), never from what was typed; every refusal is audited. The export is kept
 * in memory and offered as a single-use link, because neither platform takes a file from a bot
 * in the same way.
 */
import type { Department } from '../../dialogs/organisation/schema.js';
import { isDecisionMaker } from '../../dialogs/routing/responsibility.js';
import { type Actor, actorKey } from '../../dialogs/session.js';
import { messageView } from '../../dialogs/views/simple-views.js';
import { type AppDeps, audit } from '../app/app-deps.js';
import type { CommandPlace } from '../app/handle-command.js';
import { type Reply, viewReply } from '../app/reply.js';
import { buildCsvExport, buildJsonExport, type ExportInput, selectAssessments } from './export-builder.js';
import type { ExportRequest } from './export-request.js';
import { EXPORT_TTL_MS, exportDeliveryFor } from './export-vault.js';

export const EXPORT_PATH = '/exports';

export async function exportAssessments(
  deps: AppDeps,
  actor: Actor,
  request: ExportRequest,
  place: CommandPlace,
): Promise<Reply> {
  const { organisation } = deps;
  const who = actorKey(actor);
  const isAdmin = isDecisionMaker(organisation.admins, actor.platform, actor.userId);
  const headed = organisation.departments.filter((d) =>
    isDecisionMaker(d.heads, actor.platform, actor.userId),
  );
  const refuse = async (subject: string, reason: string) => {
    await audit(deps, who, 'export.refused', subject, { reason });
    return viewReply(
      messageView(
        'error',
        'Not allowed',
        'Only the International Office can export, and a head of department only their own department.',
        false,
      ),
    );
  };

  if (!isAdmin && headed.length === 0) return refuse(request.departmentId ?? 'organisation', 'not_allowed');
  let department: Department | undefined;
  if (request.departmentId !== undefined) {
    department = organisation.departments.find((d) => d.id === request.departmentId);
    if (!department) {
      if (!isAdmin) return refuse(request.departmentId, 'not_head');
      return info('Which department?', `There is no department “${request.departmentId}”. ${known(deps)}`);
    }
  } else if (!isAdmin) {
    if (headed.length > 1)
      return info('Which department?', `Add one of: ${headed.map((d) => d.id).join(', ')}.`);
    department = headed[0];
  }
  if (!isAdmin && !headed.some((d) => d.id === department?.id))
    return refuse(department?.id ?? 'organisation', 'not_head');

  // A Teams channel message is seen by everyone in it, and so would the link be.
  if (place.channel)
    return info(
      'Ask me in a personal chat',
      'An export link is for you only: type the command in a chat with me.',
    );
  const delivery = exportDeliveryFor(deps);
  if (!delivery?.publicUrl)
    return info(
      'Exports are not available',
      'The bot has no public address for download links: ask your administrator to set RISKCHECK_PUBLIC_URL.',
    );

  const input: ExportInput = {
    organisation,
    filter: {
      ...(department ? { departmentId: department.id } : {}),
      ...(request.from ? { from: request.from } : {}),
      ...(request.to ? { to: request.to } : {}),
    },
    generatedAt: deps.clock.now().toISOString(),
    assessments: await deps.store.listAssessments(),
    audit: await deps.store.listAudit(),
  };
  const count = selectAssessments(input).length;
  const exportId = deps.newId();
  const scope = department?.id ?? 'all';
  const { token } = delivery.vault.put({
    exportId,
    createdBy: who,
    fileName: `riskcheck-${scope}-${input.generatedAt.slice(0, 10)}.${request.format}`,
    contentType: request.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    body: request.format === 'csv' ? buildCsvExport(input) : buildJsonExport(input),
  });
  await audit(deps, who, 'export.created', exportId, {
    format: request.format,
    department: scope,
    from: request.from ?? '',
    to: request.to ?? '',
    assessments: count,
  });
  const minutes = Math.round(EXPORT_TTL_MS / 60_000);
  return viewReply(
    messageView(
      'success',
      'Your export is ready',
      `${count} assessment(s) of ${department?.name ?? 'all departments'} as ${request.format.toUpperCase()}. ` +
        `Download it within ${minutes} minutes; the link works once, from a network that reaches the bot: ` +
        `${delivery.publicUrl}${EXPORT_PATH}/${token}`,
      false,
    ),
  );

  function info(title: string, text: string): Reply {
    return viewReply(messageView('info', title, text, false));
  }
}

function known(deps: AppDeps): string {
  return `Known departments: ${deps.organisation.departments.map((d) => d.id).join(', ')}.`;
}
