/** AppDeps over the memory store and the example organisation, with a fake clock, for data-care tests. */
import { pino } from 'pino';
import type { AppDeps } from '../../../../bot/app/app-deps.js';
import { loadOrganisation } from '../../../../bot/config/load-organisation.js';
import { createWorkTracker } from '../../../../bot/work-tracker.js';
import type { Assessment } from '../../../../dialogs/assessment.js';
import type { Organisation } from '../../../../dialogs/organisation/schema.js';
import type { Actor } from '../../../../dialogs/session.js';
import { createMemoryStore } from '../../../../storage/memory-store.js';
import { createFakeClock, type FakeClock } from '../../../helpers/fake-clock.js';

export const loaded = loadOrganisation('config/example/organisation.yaml');

export const PEOPLE = {
  patti: {
    platform: 'teams',
    userId: '00000000-0000-0000-0000-0000000000024',
    displayName: 'Patti Fernandez',
  },
  alex: { platform: 'teams', userId: '00000000-0000-0000-0000-0000000000020', displayName: 'Alex Wilber' },
  megan: { platform: 'slack', userId: 'U0MEGAN01', displayName: 'Megan Bowen' },
  lynne: { platform: 'teams', userId: '00000000-0000-0000-0000-0000000000025', displayName: 'Lynne Robbins' },
  lynneSlack: { platform: 'slack', userId: 'U0LYNNE01', displayName: 'Lynne Robbins' },
} satisfies Record<string, Actor>;

export function makeDeps(organisation: Organisation = loaded.organisation): AppDeps & { clock: FakeClock } {
  let next = 0;
  return {
    store: createMemoryStore(),
    clock: createFakeClock('2026-11-20T09:00:00.000Z'),
    logger: pino({ level: 'silent' }),
    organisation,
    questionnaire: loaded.questionnaire,
    countryReference: loaded.countryReference,
    countries: [],
    gateways: {},
    newId: () => `id-${++next}`,
    work: createWorkTracker(),
  };
}

export function assessment(overrides: Partial<Assessment> = {}): Assessment {
  return {
    id: 'a-1',
    submitter: PEOPLE.lynne,
    questionnaireId: 'riskcheck_default',
    questionnaireVersion: loaded.questionnaire.version,
    answers: {
      title: 'Cohort study with Lynne’s old lab',
      partner_name: 'Partner University',
      partner_country: 'CN',
      collaboration_type: 'research',
      stage: 'planned',
      department: 'gph',
    },
    title: 'Cohort study with Lynne’s old lab',
    departmentId: 'gph',
    submittedAt: '2026-03-02T10:00:00.000Z',
    triage: {
      level: 'elevated',
      areas: [],
      flags: [
        {
          ruleId: 'r1',
          area: 'partner',
          title: 'Partner flag',
          severity: 'elevated',
          because: [
            { questionId: 'partner_name', question: 'Partner', answer: 'Partner University', unsure: false },
            { questionId: 'partner_country', question: 'Country', answer: 'China', unsure: false },
          ],
          routes: [],
          mandatory: false,
        },
      ],
      routes: [],
      proportionality: { benefits: [], note: '' },
    },
    level: 'elevated',
    posts: [],
    version: 0,
    ...overrides,
  };
}
