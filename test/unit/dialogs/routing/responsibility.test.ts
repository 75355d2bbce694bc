/** Who decides per collaboration type, with the dean for central programmes and config overrides. */
import { describe, expect, it } from 'vitest';
import { organisationSchema } from '../../../../dialogs/organisation/schema.js';
import {
  canLinkChannel,
  decisionMakers,
  isDecisionMaker,
} from '../../../../dialogs/routing/responsibility.js';
import { organisation, organisationInput, people } from '../fixtures/organisation-fixture.js';

const names = (department: string, type: string, org = organisation) =>
  decisionMakers(org, department, type).people.map((p) => p.name);

describe('decisionMakers', () => {
  it.each([
    ['research', ['research_supervisor', 'head_of_department'], ['Sam Supervisor', 'Hedda Head']],
    ['doctoral', ['research_supervisor', 'head_of_department'], ['Sam Supervisor', 'Hedda Head']],
    ['programme', ['programme_board', 'head_of_department'], ['Per Programme', 'Hedda Head']],
    // Hedda sits on the education board and heads the department: listed once.
    ['course', ['education_board', 'head_of_department'], ['Edda Education', 'Hedda Head']],
    ['mobility', ['head_of_department'], ['Hedda Head']],
    ['visiting', ['head_of_department'], ['Hedda Head']],
    ['conference', ['head_of_department'], ['Hedda Head']],
    ['other', ['head_of_department'], ['Hedda Head']],
  ])('%s goes to %j', (type, roles, expected) => {
    const result = decisionMakers(organisation, 'gph', type);
    expect(result.roles).toEqual(roles);
    expect(result.people.map((p) => p.name)).toEqual(expected);
    expect(result.department?.id).toBe('gph');
  });

  it('puts the dean in place of the head for centrally managed programmes', () => {
    const result = decisionMakers(organisation, 'lime', 'programme');
    expect(result.roles).toEqual(['programme_board', 'dean']);
    expect(result.people.map((p) => p.name)).toEqual(['Pia Programme', 'Dana Dean']);
    // Only programmes: a course in the same department still goes to its head.
    expect(names('lime', 'course')).toEqual(['Lena Lime']);
  });

  it('follows the organisation override for a type', () => {
    const org = organisationSchema.parse({
      ...organisationInput(),
      responsibility: { mobility: ['education_board'], research: ['head_of_department', 'dean'] },
    });
    expect(decisionMakers(org, 'gph', 'mobility').roles).toEqual(['education_board']);
    expect(names('gph', 'mobility', org)).toEqual(['Edda Education', 'Hedda Head']);
    expect(names('gph', 'research', org)).toEqual(['Hedda Head', 'Dana Dean']);
    expect(names('gph', 'course', org)).toEqual(['Edda Education', 'Hedda Head']);
  });

  it('falls back to the heads when nobody holds the roles', () => {
    const org = organisationSchema.parse({
      ...organisationInput(),
      responsibility: { visiting: ['education_board'] },
    });
    expect(names('bare', 'visiting', org)).toEqual(['Bo Bare']);
    expect(names('bare', 'research')).toEqual(['Bo Bare']);
    const noDeans = organisationSchema.parse({ ...organisationInput(), deans: [] });
    expect(names('lime', 'programme', noDeans)).toEqual(['Pia Programme']);
  });

  it('treats an unknown type as "other" and an unknown department as nobody', () => {
    expect(decisionMakers(organisation, 'gph', 'nonsense').roles).toEqual(['head_of_department']);
    const unknown = decisionMakers(organisation, 'nope', 'research');
    expect(unknown.department).toBeUndefined();
    expect(unknown.people).toEqual([]);
  });
});

describe('isDecisionMaker', () => {
  const deciders = [people.headGph, people.eduBoard];

  it('matches Teams AAD ids case-insensitively', () => {
    expect(isDecisionMaker(deciders, 'teams', 'aaaaaaaa-1111-4111-8111-000000000001')).toBe(true);
    expect(isDecisionMaker(deciders, 'teams', 'AAAAAAAA-1111-4111-8111-000000000001')).toBe(true);
    expect(isDecisionMaker(deciders, 'teams', 'aaaaaaaa-1111-4111-8111-000000000009')).toBe(false);
  });

  it('matches Slack ids exactly and on the right platform only', () => {
    expect(isDecisionMaker(deciders, 'slack', 'U0EDDA001')).toBe(true);
    expect(isDecisionMaker(deciders, 'slack', 'u0edda001')).toBe(false);
    expect(isDecisionMaker(deciders, 'teams', 'U0EDDA001')).toBe(false);
    expect(isDecisionMaker(deciders, 'slack', '')).toBe(false);
    expect(isDecisionMaker([], 'slack', 'U0EDDA001')).toBe(false);
  });
});

describe('canLinkChannel', () => {
  it('allows the heads of the department and admins', () => {
    expect(canLinkChannel(organisation, 'gph', 'slack', 'U0HEDDA01')).toBe(true);
    expect(canLinkChannel(organisation, 'gph', 'slack', 'U0ADA0001')).toBe(true);
    expect(canLinkChannel(organisation, 'bare', 'slack', 'U0ADA0001')).toBe(true);
  });

  it('refuses others, heads of other departments and unknown departments', () => {
    expect(canLinkChannel(organisation, 'gph', 'slack', 'U0EDDA001')).toBe(false);
    expect(canLinkChannel(organisation, 'gph', 'teams', 'aaaaaaaa-1111-4111-8111-000000000005')).toBe(false);
    expect(canLinkChannel(organisation, 'lime', 'teams', 'aaaaaaaa-1111-4111-8111-000000000005')).toBe(true);
    expect(canLinkChannel(organisation, 'nope', 'slack', 'U0ADA0001')).toBe(false);
  });
});
