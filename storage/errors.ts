/**
 * Coded store errors: the bot's startup turns these into one clear message for the operator
 * instead of a stack trace, so each carries the file it is about and how to recover.
 */

export type StoreErrorCode =
  | 'STORE_CORRUPT'
  | 'STORE_SCHEMA_UNKNOWN'
  | 'STORE_LOCKED'
  /** An older file's migration threw or produced invalid data; the file was left as it was. */
  | 'STORE_MIGRATION_FAILED';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  /** The data file (or data directory, for STORE_LOCKED) the error is about. */
  readonly file: string;

  constructor(code: StoreErrorCode, file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.file = file;
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

/** The restore advice every unreadable-file message ends with; riskcheck never repairs data it cannot read. */
export const RESTORE_ADVICE = 'restore it from your backup or move it aside; riskcheck never overwrites it';
