/**
 * Display strings the Adaptive Card templates need but cannot compute themselves: dates, level
 * colours and labels. Pre-computing them keeps the templates free of expression logic, so the
 * golden files show exactly what staff will read.
 */
import type { Level } from '../../dialogs/questionnaire/schema.js';

/** Adaptive Card colour words (TextRun `color`) and container styles used to show a level. */
export type CardColor = 'default' | 'good' | 'warning' | 'attention' | 'accent';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'warning' | 'attention' | 'accent';

export const LEVEL_COLORS: Record<Level, CardColor> = {
  low: 'good',
  elevated: 'warning',
  high: 'attention',
  escalate: 'attention',
};

export const LEVEL_STYLES: Record<Level, ContainerStyle> = {
  low: 'good',
  elevated: 'warning',
  high: 'attention',
  escalate: 'attention',
};

/** Level wording lives in the core so every platform says the same. */
export { LEVEL_LABELS } from '../../dialogs/views/level-labels.js';

export interface DateFormatOptions {
  /** BCP 47 locale for month names; defaults to en-GB ("21 Nov 2026 14:05"). */
  locale?: string;
  /** IANA time zone; defaults to UTC so cards look the same whichever server renders them. */
  timeZone?: string;
}

/**
 * One formatter per (kind, locale, time zone): creating an `Intl.DateTimeFormat` costs far more
 * than formatting with it (about 100 µs against 2 µs, most of an outcome card's render). Locales
 * and zones come from config, so the map stays small; the cap only guards against misuse.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

const FIELDS = {
  dateTime: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
  date: { day: 'numeric', month: 'short', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

function formatter(kind: keyof typeof FIELDS, locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}\u0000${locale}\u0000${timeZone}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { ...FIELDS[kind], timeZone });
    if (formatters.size >= 100) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

/**
 * Formats an ISO timestamp as "21 Nov 2026 14:05" (24-hour clock). Built from parts because
 * `Intl` inserts locale-specific commas and "at" that vary between Node versions. An unparsable
 * input is returned unchanged rather than as "Invalid Date".
 */
export function formatDateTime(iso: string, options: DateFormatOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = formatter('dateTime', options.locale ?? 'en-GB', options.timeZone ?? 'UTC').formatToParts(
    date,
  );
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')} ${part('hour')}:${part('minute')}`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats a day as "1 Feb 2027". A bare `YYYY-MM-DD` (an end date, the day a discussion was held)
 * is a calendar day, not an instant: it is read in UTC so no time zone can shift it to the day
 * before. A full timestamp is shown as its day in `timeZone`. Unparsable input is returned as is.
 */
export function formatDate(value: string, options: DateFormatOptions = {}): string {
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  const timeZone = dateOnly ? 'UTC' : (options.timeZone ?? 'UTC');
  const parts = formatter('date', options.locale ?? 'en-GB', timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}`;
}

/** "3 days ago"-style age of `iso` relative to `now`, or '' when either is unusable. */
export function formatAge(iso: string, now: string | undefined): string {
  if (now === undefined) return '';
  const ms = new Date(now).getTime() - new Date(iso).getTime();
  if (Number.isNaN(ms) || ms < 0) return '';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}

/** Only web links become buttons: a `javascript:` or `file:` URL from config must not. */
export function isWebUrl(url: string | undefined): url is string {
  if (url === undefined) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
