/**
 * Parses what a user typed (Teams message text or Slack slash-command text) into a command.
 * Mentions, a leading slash and a leading "riskcheck" are ignored so "@riskcheck help",
 * "/riskcheck help" and "help" all mean the same.
 */
import {
  ERASE_USAGE,
  EXPORT_USAGE,
  type ExportRequest,
  type PersonKey,
  parseExportWords,
  parsePersonKey,
} from '../data-care/export-request.js';

export type Command =
  | { kind: 'welcome' }
  | { kind: 'help' }
  | { kind: 'resume' }
  | { kind: 'list' }
  | { kind: 'cancel' }
  | { kind: 'link'; departmentId: string }
  | { kind: 'reminders'; departmentId: string }
  | { kind: 'export'; request: ExportRequest }
  | { kind: 'erase'; person: PersonKey }
  /** A data-care command typed wrongly: `problem` says what, `usage` how to type it. */
  | { kind: 'usage'; command: 'export' | 'erase'; problem: string; usage: string }
  | { kind: 'unknown'; text: string };

const MAX_COMMAND_LENGTH = 200;

export function parseCommand(raw: string): Command {
  // Case is kept until here only for erase: Slack member ids are upper case.
  const asTyped = raw
    .slice(0, MAX_COMMAND_LENGTH)
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim()
    .replace(/^\/+/, '')
    .replace(/^riskcheck\b/i, '')
    .trim()
    .replace(/\s+/g, ' ');
  const text = asTyped.toLowerCase();
  if (text === '' || text === 'start' || text === 'new') return { kind: 'welcome' };
  if (text === 'help' || text === '?') return { kind: 'help' };
  if (text === 'resume' || text === 'continue') return { kind: 'resume' };
  if (text === 'list' || text === 'my assessments' || text === 'assessments') return { kind: 'list' };
  if (text === 'cancel') return { kind: 'cancel' };
  const reminders = /^reminders(?: (\S+))?$/.exec(text);
  if (reminders) return { kind: 'reminders', departmentId: reminders[1] ?? '' };
  const link = /^link(?: (\S+))?$/.exec(text);
  if (link) return { kind: 'link', departmentId: link[1] ?? '' };
  if (text === 'export' || text.startsWith('export ')) {
    const parsed = parseExportWords(text.split(' ').slice(1));
    return parsed.ok
      ? { kind: 'export', request: parsed.value }
      : { kind: 'usage', command: 'export', problem: parsed.problem, usage: EXPORT_USAGE };
  }
  if (text === 'erase' || text.startsWith('erase ')) {
    const words = asTyped.split(' ').slice(1);
    const parsed =
      words.length === 1
        ? parsePersonKey(words[0]!)
        : { ok: false as const, problem: 'give exactly one person' };
    return parsed.ok
      ? { kind: 'erase', person: parsed.value }
      : { kind: 'usage', command: 'erase', problem: parsed.problem, usage: ERASE_USAGE };
  }
  return { kind: 'unknown', text };
}
