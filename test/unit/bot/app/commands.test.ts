/** What users type, in every form Teams and Slack deliver it. */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../bot/app/commands.js';

describe('parseCommand', () => {
  it.each([
    ['riskcheck', { kind: 'welcome' }],
    ['/riskcheck', { kind: 'welcome' }],
    ['<at>riskcheck</at> ', { kind: 'welcome' }],
    ['', { kind: 'welcome' }],
    ['start', { kind: 'welcome' }],
    ['help', { kind: 'help' }],
    ['/riskcheck help', { kind: 'help' }],
    ['RiskCheck HELP', { kind: 'help' }],
    ['resume', { kind: 'resume' }],
    ['riskcheck resume', { kind: 'resume' }],
    ['my assessments', { kind: 'list' }],
    ['list', { kind: 'list' }],
    ['my   assessments', { kind: 'list' }],
    ['cancel', { kind: 'cancel' }],
    ['<at>riskcheck</at> link gph', { kind: 'link', departmentId: 'gph' }],
    ['riskcheck link GPH', { kind: 'link', departmentId: 'gph' }],
    ['link', { kind: 'link', departmentId: '' }],
    ['what is this', { kind: 'unknown', text: 'what is this' }],
    ['riskcheckhelp', { kind: 'unknown', text: 'riskcheckhelp' }],
  ])('%j → %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it('ignores control characters and caps very long input', () => {
    expect(parseCommand('help\u0000')).toEqual({ kind: 'help' });
    const long = parseCommand(`link ${'x'.repeat(10_000)}`);
    expect(long.kind).toBe('link');
    expect(JSON.stringify(long).length).toBeLessThan(400);
  });
});

describe('parseCommand: data care', () => {
  it.each([
    ['export', { format: 'csv' }],
    ['riskcheck export json', { format: 'json' }],
    ['export gph', { format: 'csv', departmentId: 'gph' }],
    [
      'export from 2026-01-01 gph to 2026-06-30 JSON',
      { format: 'json', departmentId: 'gph', from: '2026-01-01', to: '2026-06-30' },
    ],
    ['<at>riskcheck</at> export to 2026-06-30', { format: 'csv', to: '2026-06-30' }],
  ])('%j → export %j', (text, request) => {
    expect(parseCommand(text)).toEqual({ kind: 'export', request });
  });

  it.each([
    ['export csv json', /format is given twice/],
    ['export gph meb', /department is given twice/],
    ['export from', /“from” needs a date/],
    ['export from 2026-02-30', /from is not valid/],
    ['export to 26-01-01', /to is not valid/],
    ['export from 2026-06-01 to 2026-01-01', /“from” is after “to”/],
    ['export Gph!', /department is not valid/],
  ])('%j is a usage message (%s)', (text, problem) => {
    const command = parseCommand(text);
    expect(command).toMatchObject({ kind: 'usage', command: 'export' });
    if (command.kind === 'usage') {
      expect(command.problem).toMatch(problem);
      expect(command.usage).toContain('riskcheck export');
    }
  });

  it.each([
    ['erase slack:U0LYNNE01', { platform: 'slack', userId: 'U0LYNNE01' }],
    ['/riskcheck erase slack:u0lynne01', { platform: 'slack', userId: 'U0LYNNE01' }],
    [
      'erase teams:00000000-0000-0000-0000-0000000000025',
      { platform: 'teams', userId: '00000000-0000-0000-0000-0000000000025' },
    ],
    [
      'ERASE Teams:ABCDEF01-0000-0000-0000-000000000000',
      { platform: 'teams', userId: 'abcdef01-0000-0000-0000-000000000000' },
    ],
  ])('%j → erase %j', (text, person) => {
    expect(parseCommand(text)).toEqual({ kind: 'erase', person });
  });

  it.each([
    'erase',
    'erase lynne',
    'erase slack:U0LYNNE01 slack:U0ALEX001',
    'erase slack:not-an-id',
    'erase email:x@y',
  ])('%j is a usage message', (text) => {
    expect(parseCommand(text)).toMatchObject({ kind: 'usage', command: 'erase' });
  });
});
