/**
 * What the server fuzz suites check after each request: the dialog and outcome files are
 * byte-identical, the server still answers `/healthz`, and no promise was rejected unhandled.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { expect } from 'vitest';
import type { Harness, HttpResult } from '../helpers/bot-harness.js';

/** Dialogs and outcomes; links and dedup keys may legitimately change on any request. */
export async function storeFiles(h: Harness): Promise<string> {
  // Both journals exist from the store's first open: a missing one fails the test.
  const names = ['sessions.jsonl', 'assessments.jsonl'];
  const files = await Promise.all(names.map((n) => readFile(join(h.dataDir, n), 'utf8')));
  return files.join('\n');
}

/** Records unhandled rejections while the suite runs; `stop()` removes the listener. */
export function trackUnhandledRejections() {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  return { seen, stop: () => process.off('unhandledRejection', listener) };
}

export async function expectHealthy(h: Harness): Promise<void> {
  const response = await fetch(`${h.bot.url}/healthz`);
  expect(response.status).toBe(200);
}

/**
 * A refusal a person can read: an invoke error with a message, or (for transport-level refusals
 * before an activity exists, such as an oversized body) a JSON reason.
 */
export function expectReadableRefusal(response: HttpResult): void {
  expect(response.status, JSON.stringify(response.body)?.slice(0, 300)).toBeLessThan(500);
  if (response.status < 400) return;
  const body = response.body;
  if (body?.type === 'application/vnd.microsoft.error') {
    expect(String(body.value?.message ?? '').trim()).not.toBe('');
  } else {
    expect(typeof body?.error, JSON.stringify(body)?.slice(0, 300)).toBe('string');
    expect(body.error.trim()).not.toBe('');
  }
}

/** A pino logger that keeps every line it writes, for tests that read the log. */
export function capturedLogger(level = 'info') {
  const lines: string[] = [];
  const logger = pino({ level }, { write: (line: string) => lines.push(line) });
  /** Lines at level error (50) or above since line `from`: a handler failed somewhere. */
  const failures = (from = 0) =>
    lines.slice(from).filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
  return { logger, lines, failures };
}
