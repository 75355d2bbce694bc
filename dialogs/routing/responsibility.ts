/**
 * Who decides on an assessment, following the guidelines: research and doctoral education go to
 * the immediate supervisor and the head of department, programmes to the programme board (the dean
 * standing in for the head when programmes are managed centrally), courses to the education
 * board, everything else to the head. The organisation can override the roles per type.
 */
import type { Department, Organisation, Person, Role } from '../organisation/schema.js';
import type { CollaborationType } from '../questionnaire/context-questions.js';
import type { Platform } from '../session.js';

const DEFAULT_ROLES: Record<CollaborationType, readonly Role[]> = {
  research: ['research_supervisor', 'head_of_department'],
  doctoral: ['research_supervisor', 'head_of_department'],
  programme: ['programme_board', 'head_of_department'],
  course: ['education_board', 'head_of_department'],
  mobility: ['head_of_department'],
  visiting: ['head_of_department'],
  conference: ['head_of_department'],
  other: ['head_of_department'],
};

export interface DecisionMakers {
  roles: Role[];
  people: Person[];
  department: Department | undefined;
}

function isCollaborationType(value: string): value is CollaborationType {
  return Object.hasOwn(DEFAULT_ROLES, value);
}

/** Roles for a collaboration type: the organisation's override, else the guideline default. */
export function decisionRoles(
  organisation: Organisation,
  department: Department | undefined,
  collaborationType: string,
): Role[] {
  const type: CollaborationType = isCollaborationType(collaborationType) ? collaborationType : 'other';
  const override = organisation.responsibility[type];
  if (override && override.length > 0) return [...new Set(override)];
  const roles = [...DEFAULT_ROLES[type]];
  // For centrally managed programmes the dean stands in for the head of department.
  if (type === 'programme' && department?.programmesManagedCentrally) {
    return roles.map((r) => (r === 'head_of_department' ? 'dean' : r));
  }
  return roles;
}

function peopleFor(role: Role, organisation: Organisation, department: Department | undefined): Person[] {
  switch (role) {
    case 'dean':
      return organisation.deans;
    case 'head_of_department':
      return department?.heads ?? [];
    case 'research_supervisor':
      return department?.researchSupervisors ?? [];
    case 'education_board':
      return department?.educationBoard ?? [];
    case 'programme_board':
      return department?.programmeBoard ?? [];
  }
}

/** Two entries are the same person when they share a platform id (one person, several roles). */
function samePerson(a: Person, b: Person): boolean {
  if (a.teamsAadObjectId && b.teamsAadObjectId) {
    return a.teamsAadObjectId.toLowerCase() === b.teamsAadObjectId.toLowerCase();
  }
  if (a.slackUserId && b.slackUserId) return a.slackUserId === b.slackUserId;
  return false;
}

function dedupe(people: readonly Person[]): Person[] {
  const out: Person[] = [];
  for (const p of people) if (!out.some((q) => samePerson(p, q))) out.push(p);
  return out;
}

export function decisionMakers(
  organisation: Organisation,
  departmentId: string,
  collaborationType: string,
): DecisionMakers {
  const department = organisation.departments.find((d) => d.id === departmentId);
  const roles = decisionRoles(organisation, department, collaborationType);
  let people = dedupe(roles.flatMap((r) => peopleFor(r, organisation, department)));
  // Someone must always be able to decide: the head carries the department's ultimate responsibility.
  if (people.length === 0) people = dedupe(department?.heads ?? []);
  return { roles, people, department };
}

/** Matches the authenticated platform user id against configured people. */
export function isDecisionMaker(people: readonly Person[], platform: Platform, userId: string): boolean {
  if (userId === '') return false;
  if (platform === 'teams') {
    // AAD object ids are GUIDs, whose case varies between sources.
    const id = userId.toLowerCase();
    return people.some((p) => p.teamsAadObjectId !== undefined && p.teamsAadObjectId.toLowerCase() === id);
  }
  return people.some((p) => p.slackUserId !== undefined && p.slackUserId === userId);
}

/** Heads of the department and the organisation's admins may link a channel to the department. */
export function canLinkChannel(
  organisation: Organisation,
  departmentId: string,
  platform: Platform,
  userId: string,
): boolean {
  const department = organisation.departments.find((d) => d.id === departmentId);
  if (!department) return false;
  return isDecisionMaker([...department.heads, ...organisation.admins], platform, userId);
}
