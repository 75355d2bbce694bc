/**
 * Structured logging with pino. Secrets are redacted by path, and untrusted strings are cleaned
 * (control characters stripped, length capped) before they reach a log line.
 */
import { type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        '*.clientSecret',
        '*.password',
        '*.token',
        '*.authorization',
        'headers.authorization',
        '*.signingSecret',
      ],
      censor: '[redacted]',
    },
  });
}

/** Cleans a value an outsider controls so it cannot forge log lines or flood them. */
export function cleanForLog(value: unknown, max = 200): string {
  const text = typeof value === 'string' ? value : textOf(value);
  // Replacing keeps the length, so only the part that is kept needs cleaning.
  const cleaned = text.slice(0, max + 1).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return cleaned.length > max ? `${cleaned.slice(0, max)}…` : cleaned;
}

/** Never throws: a BigInt, a cycle or a throwing toJSON must not turn logging into a crash. */
function textOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
