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
