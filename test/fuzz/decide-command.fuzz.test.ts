/**
 * Property-based fuzzing of decide() and parseCommand(): any decision value, comment, version and
 * actor gets one of decide()'s documented results without mutating the assessment, and any text
 * (huge, unicode, control characters, mentions) becomes a command.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../bot/app/commands.js';
import { loadOrganisation } from '../../bot/config/load-organisation.js';
import { type Assessment, DECISIONS } from '../../dialogs/assessment.js';
import { decide, MAX_COMMENT_LENGTH } from '../../dialogs/decisions/decide.js';
import type { Actor } from '../../dialogs/session.js';
import { quietAnswers } from '../unit/dialogs/fixtures/default-answers-fixture.js';
import { FUZZ_SEED, hostileJson, hostileString } from './arbitraries.js';

const loaded = loadOrganisation('config/example/organisation.yaml');
const owner: Actor = { platform: 'teams', userId: 'aad-fuzz', displayName: 'Fuzz' };
const NOW = '2026-06-01T10:00:00.000Z';
const run = (numRuns: number) => ({ numRuns, seed: FUZZ_SEED });

describe('decide() and parseCommand() under hostile values', () => {
  const heads = loaded.organisation.departments.flatMap((d) => d.heads);
  const assessment: Assessment = {
    id: 'a1',
    submitter: owner,
    questionnaireId: loaded.questionnaire.id,
    questionnaireVersion: loaded.questionnaire.version,
    answers: quietAnswers(),
    title: 'T',
    departmentId: 'gph',
    submittedAt: '2026-05-30T08:00:00.000Z',
    triage: { level: 'low', areas: [], flags: [], routes: [], proportionality: { benefits: [], note: '' } },
    level: 'low',
    posts: [],
    version: 3,
  } as Assessment;
  const userIds = heads.flatMap((p) => [p.teamsAadObjectId ?? '', p.slackUserId ?? '']);

  it('decide() answers every input with one of its results', () => {
    fc.assert(
      fc.property(
        fc.record({
          value: hostileJson({ depth: 1, extra: [...DECISIONS] }),
          comment: fc.oneof(hostileString(3_000), hostileJson({ depth: 1 })),
          expectedVersion: fc.oneof(fc.constant(3), fc.integer(), fc.double()),
          platform: fc.constantFrom('teams', 'slack') as fc.Arbitrary<Actor['platform']>,
          userId: hostileString(100, userIds),
          decided: fc.boolean(),
        }),
        ({ platform, userId, decided, ...rest }) => {
          const input = decided
            ? {
                ...assessment,
                decision: { value: 'proceed' as const, comment: '', by: owner, at: NOW },
              }
            : assessment;
          const before = structuredClone(input);
          const actor = { platform, userId, displayName: 'X' };
          const result = decide({ assessment: input, actor, deciders: heads, now: NOW, ...rest });
          expect(input).toStrictEqual(before);
          expect(['decided', 'notAnApprover', 'alreadyDecided', 'staleVersion', 'invalid']).toContain(
            result.kind,
          );
          if (result.kind === 'invalid') expect(result.message).not.toBe('');
          if (result.kind === 'decided') {
            expect(DECISIONS).toContain(result.decision.value);
            expect(result.decision.comment.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
          }
        },
      ),
      run(200),
    );
  });

  it('parseCommand() turns any text into a command', () => {
    const kinds = ['welcome', 'help', 'resume', 'list', 'cancel', 'link', 'reminders', 'unknown'];
    fc.assert(
      fc.property(hostileString(300_000, ['link gph', 'reminders  meb', '/riskcheck help']), (text) => {
        const command = parseCommand(text);
        expect(kinds).toContain(command.kind);
        if (command.kind === 'unknown') {
          expect(command.text.length).toBeLessThanOrEqual(200);
          expect(command.text).not.toMatch(/[\u0000-\u001f\u007f]/);
        }
        if (command.kind === 'link' || command.kind === 'reminders')
          expect(command.departmentId).not.toMatch(/\s/);
      }),
      run(300),
    );
  });
});
