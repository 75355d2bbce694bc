/**
 * `riskcheck reminders [department]`: the upcoming reminders of a department, for the people who
 * answer for it (heads, supervisors, boards), deans and administrators. Without a department it
 * picks the one linked to this channel, or the one the person heads.
 */
import type { Department, Person } from '../../dialogs/organisation/schema.js';
import { isDecisionMaker } from '../../dialogs/routing/responsibility.js';
import { type Actor, actorKey } from '../../dialogs/session.js';
import { upcomingRemindersView } from '../../dialogs/views/reminder-views.js';
import { messageView } from '../../dialogs/views/simple-views.js';
import { isPaused } from '../reminders/plan-reminders.js';
import { type AppDeps, audit } from './app-deps.js';
import type { LinkTarget } from './link-channel.js';
import { type Reply, viewReply } from './reply.js';

function responsiblePeople(department: Department): Person[] {
  return [
    ...department.heads,
    ...department.researchSupervisors,
    ...department.educationBoard,
    ...department.programmeBoard,
  ];
}

export async function showReminders(
  deps: AppDeps,
  actor: Actor,
  departmentId: string,
  channel: LinkTarget | undefined,
): Promise<Reply> {
  const { organisation } = deps;
  const orgWide = isDecisionMaker(
    [...organisation.deans, ...organisation.admins],
    actor.platform,
    actor.userId,
  );
  const mine = organisation.departments.filter((d) =>
    isDecisionMaker(responsiblePeople(d), actor.platform, actor.userId),
  );
  const linkedHere = channel ? await findLinkedDepartment(deps, channel) : undefined;
  const department =
    organisation.departments.find((d) => d.id === departmentId) ??
    (departmentId === '' ? (linkedHere ?? mine[0]) : undefined);
  if (!department) {
    const known = organisation.departments.map((d) => d.id).join(', ');
    return viewReply(
      messageView(
        'info',
        'Which department?',
        `Type “riskcheck reminders <department>”, one of: ${known}.`,
        false,
      ),
    );
  }
  if (!orgWide && !mine.some((d) => d.id === department.id)) {
    await audit(deps, actorKey(actor), 'reminders.refused', department.id);
    return viewReply(
      messageView(
        'error',
        'Not allowed',
        `Only the people responsible for ${department.name}, deans and administrators can see its reminders.`,
        false,
      ),
    );
  }
  const reminders = await deps.store.listPendingReminders(department.id);
  const summaries = await deps.store.listAssessmentSummaries({ departmentId: department.id });
  const subjects = new Map(summaries.map((a) => [a.id, a.title]));
  return viewReply(
    upcomingRemindersView(department, reminders, subjects, isPaused(department, deps.clock.now())),
  );
}

async function findLinkedDepartment(deps: AppDeps, channel: LinkTarget): Promise<Department | undefined> {
  for (const department of deps.organisation.departments) {
    const link = await deps.store.getLink(`dept:${department.id}:${channel.platform}`);
    if (link?.conversationId === channel.conversationId) return department;
  }
  return undefined;
}
