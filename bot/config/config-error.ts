/**
 * A configuration problem, reported so an admin can fix it without reading code: which file,
 * which path inside it, and what to change.
 */
export interface ConfigIssue {
  path: string;
  message: string;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly file: string,
    readonly issues: ConfigIssue[],
    options?: { cause?: unknown },
  ) {
    super(formatConfigError(file, issues), options);
    this.name = 'ConfigError';
  }
}

function formatConfigError(file: string, issues: ConfigIssue[]): string {
  const lines = issues.map((i) => `  - ${i.path || '(top level)'}: ${i.message}`);
  return `Configuration file ${file} is not valid:\n${lines.join('\n')}`;
}

/** zod issue paths as `departments[0].heads[1].name`, the way people read YAML. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
