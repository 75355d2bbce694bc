/**
 * A closed-loop load driver: N simulated users, each running whole journeys back to back until
 * the time is up, timing every HTTP request. Closed loop (like autocannon -c N) because a chat
 * user waits for the bot's answer before the next click.
 */
import { type Summary, summarise } from './stats.js';

export interface HttpResult {
  status: number;
  body: any;
}

const MAX_ERROR_SAMPLES = 3;

export class Recorder {
  /** Latency of every request, by kind (e.g. `invoke`, `slash`, `view_submission`). */
  readonly byKind = new Map<string, number[]>();
  errors = 0;
  /** Responses that were 200 but not what the platform needs (e.g. an invoke without a card). */
  wrongAnswers = 0;
  journeys = 0;
  /** What the first few errors were, so a report can say why a run had any. */
  readonly errorSamples: string[] = [];
  /** Timings of what started before this moment (`performance.now()`) are left out. */
  #measuringFrom = Number.NEGATIVE_INFINITY;

  /** Times only what starts from now on: drops the timings so far (errors are counted all along). */
  startMeasuring(): void {
    this.#measuringFrom = performance.now();
    this.byKind.clear();
  }

  get measuring(): boolean {
    return performance.now() >= this.#measuringFrom;
  }

  error(description: string): void {
    this.errors++;
    if (this.errorSamples.length < MAX_ERROR_SAMPLES) this.errorSamples.push(description.slice(0, 300));
  }

  add(kind: string, ms: number): void {
    if (performance.now() - ms < this.#measuringFrom) return;
    let list = this.byKind.get(kind);
    if (!list) {
      list = [];
      this.byKind.set(kind, list);
    }
    list.push(ms);
  }

  /** Every request except the kinds given (e.g. end-to-end timings that are not requests). */
  requests(exclude: readonly string[] = []): number[] {
    return [...this.byKind].filter(([kind]) => !exclude.includes(kind)).flatMap(([, list]) => list);
  }

  summary(kinds?: readonly string[]): Summary {
    return summarise(kinds ? kinds.flatMap((k) => this.byKind.get(k) ?? []) : this.requests(NOT_REQUESTS));
  }
}

/** Kinds recorded for insight that are not HTTP requests to the bot. */
export const NOT_REQUESTS = ['slack.modal_opened'];

/** Ends a journey over an error timedPost has already counted (a non-2xx answer). */
export class AlreadyCounted extends Error {}

/** POSTs and times one request; a non-2xx status counts as an error. */
export async function timedPost(
  recorder: Recorder | undefined,
  kind: string,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<HttpResult> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', body, headers });
  const text = await response.text();
  const ms = performance.now() - started;
  recorder?.add(kind, ms);
  if (response.status >= 300) recorder?.error(`${kind} answered ${response.status}: ${text}`);
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (Slack acks may be empty or text): keep the text.
  }
  return { status: response.status, body: parsed };
}

export type Journey = (user: number, recorder: Recorder) => Promise<void>;

export interface LoadResult {
  recorder: Recorder;
  elapsedMs: number;
  requests: number;
  requestsPerSecond: number;
}

/**
 * Before measuring, the users are let in gradually. Started all at once, every user sends the
 * first request of a journey at the same instant, and the first message and Start of each come
 * as a burst that users arriving one by one never produce (bench/findings.md, finding 19).
 */
export interface Settling {
  /** Users start over the first half of this time; only requests sent after it are timed. */
  ms: number;
  /** Called as measuring starts (e.g. to read the server's CPU counter there). */
  onMeasuring?: () => Promise<void>;
}

/**
 * Runs `journey` for `concurrency` users until `durationMs` has passed after `settling` (journeys
 * in flight finish); without settling, all users start at once and everything is timed.
 */
export async function runClosedLoop(
  concurrency: number,
  durationMs: number,
  journey: Journey,
  firstUser = 0,
  settling: Settling = { ms: 0 },
): Promise<LoadResult> {
  const recorder = new Recorder();
  const begun = performance.now();
  const deadline = begun + settling.ms + durationMs;
  const failures: unknown[] = [];
  let started = begun;
  const measuring =
    settling.ms > 0
      ? new Promise<void>((resolve) => setTimeout(resolve, settling.ms)).then(async () => {
          await settling.onMeasuring?.();
          recorder.startMeasuring();
          started = performance.now();
        })
      : settling.onMeasuring?.();
  const arrival = settling.ms / 2 / concurrency;
  await Promise.all([
    measuring,
    ...Array.from({ length: concurrency }, async (_, i) => {
      if (arrival > 0) await new Promise((resolve) => setTimeout(resolve, i * arrival));
      while (performance.now() < deadline && failures.length < 5) {
        try {
          await journey(firstUser + i, recorder);
          if (recorder.measuring) recorder.journeys++;
        } catch (error) {
          if (!(error instanceof AlreadyCounted)) recorder.error(String(error));
          failures.push(error);
        }
      }
    }),
  ]);
  // A broken journey would otherwise produce fast, meaningless figures.
  if (failures.length >= 5)
    throw new Error(`journeys failed: ${String(failures[0])}`, { cause: failures[0] });
  const elapsedMs = performance.now() - started;
  const requests = recorder.requests(NOT_REQUESTS).length;
  return { recorder, elapsedMs, requests, requestsPerSecond: (requests / elapsedMs) * 1000 };
}
