/**
 * Parses what a user typed (Teams message text or Slack slash-command text) into a command.
 * Mentions, a leading slash and a leading "riskcheck" are ignored so "@riskcheck help",
 * "/riskcheck help" and "help" all mean the same.
 */
export type Command =
  | { kind: 'welcome' }
  | { kind: 'help' }
  | { kind: 'resume' }
  | { kind: 'list' }
  | { kind: 'cancel' }
  | { kind: 'link'; departmentId: string }
  | { kind: 'reminders'; departmentId: string }
  | { kind: 'unknown'; text: string };

const MAX_COMMAND_LENGTH = 200;

export function parseCommand(raw: string): Command {
  const text = raw
    .slice(0, MAX_COMMAND_LENGTH)
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim()
    .replace(/^\/+/, '')
    .replace(/^riskcheck\b/i, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
  if (text === '' || text === 'start' || text === 'new') return { kind: 'welcome' };
  if (text === 'help' || text === '?') return { kind: 'help' };
  if (text === 'resume' || text === 'continue') return { kind: 'resume' };
  if (text === 'list' || text === 'my assessments' || text === 'assessments') return { kind: 'list' };
  if (text === 'cancel') return { kind: 'cancel' };
  const reminders = /^reminders(?: (\S+))?$/.exec(text);
  if (reminders) return { kind: 'reminders', departmentId: reminders[1] ?? '' };
  const link = /^link(?: (\S+))?$/.exec(text);
  if (link) return { kind: 'link', departmentId: link[1] ?? '' };
  return { kind: 'unknown', text };
}
