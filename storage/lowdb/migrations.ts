/**
 * Schema migrations for the lowdb data files. A file whose schemaVersion is older than the one
 * this code writes is upgraded in memory while it is read, checked by the ordinary decoder, and
 * written back only after every data file opened cleanly; the original bytes are first copied to
 * `<name>.v<from>.<timestamp>.bak` (fsynced), so a bad migration can always be undone by hand.
 * Newer or unknown versions are still refused (data-files.ts) and never rewritten.
 */
import { constants, copyFile, open } from 'node:fs/promises';
import path from 'node:path';
import { RESTORE_ADVICE, StoreError } from '../errors.js';
import { type FILE_NAMES, SCHEMA_VERSION } from './data-files.js';
import { type Decode, syncDirectory } from './durable-json-file.js';

/**
 * The lowdb JSON files (legacy sessions/assessments/processed/reminders files too, migrated before they are
 * imported into their journals); the journals and audit.jsonl have a header version but no
 * migration path yet.
 */
export type MigratableFile = Exclude<
  (typeof FILE_NAMES)[keyof typeof FILE_NAMES],
  | 'audit.jsonl'
  | '.riskcheck.lock'
  | 'sessions.jsonl'
  | 'processed.jsonl'
  | 'assessments.jsonl'
  | 'assessments.index.json'
>;

export interface Migration {
  file: MigratableFile;
  from: number;
  to: number;
  /** Gets the parsed file (a private copy it may change) and returns it at version `to`. */
  migrate(data: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The registered migrations, oldest first. Empty: every file is still at its first schemaVersion.
 * Add `{ file, from: 1, to: 2, migrate }` here together with raising the version the decoders write.
 */
export const MIGRATIONS: readonly Migration[] = [];

interface Pending {
  file: string;
  from: number;
}

/** Something opened from a data file that can write its in-memory (migrated) state back. */
export interface WritableDataFile {
  readonly file: string;
  write(): Promise<void>;
}

/**
 * Collects the migrations done while the data files are read, then commits them in one step once
 * all of them opened: a damaged assessments.json must not leave sessions.json already rewritten.
 */
export class SchemaMigrator {
  readonly #migrations: readonly Migration[];
  readonly #now: () => Date;
  readonly #pending: Pending[] = [];

  constructor(migrations: readonly Migration[] = MIGRATIONS, now: () => Date = () => new Date()) {
    this.#migrations = migrations;
    this.#now = now;
  }

  /** Wraps a decoder so an older file is migrated in memory before it is decoded. */
  decoder<T>(decode: Decode<T>): Decode<T> {
    return (raw, file) => {
      const from = olderVersion(raw);
      const name = path.basename(file);
      // No path from this version: the decoder refuses it as an unknown schemaVersion.
      if (from === undefined || !this.#stepFrom(name, from)) return decode(raw, file);
      let data = raw as Record<string, unknown>;
      let version = from;
      while (version < SCHEMA_VERSION) {
        const step = this.#stepFrom(name, version);
        if (!step) {
          throw new StoreError(
            'STORE_SCHEMA_UNKNOWN',
            file,
            `riskcheck data file ${file} has schemaVersion ${from}, and this version of riskcheck cannot ` +
              `migrate it past schemaVersion ${version}: run the riskcheck release that wrote it, or ${RESTORE_ADVICE}.`,
          );
        }
        data = runStep(step, data, file);
        version = step.to;
      }
      let decoded: T;
      try {
        decoded = decode(data, file);
      } catch (cause) {
        throw migrationFailed(file, from, 'its result is not a valid data file', cause);
      }
      this.#pending.push({ file, from });
      return decoded;
    };
  }

  /** Backs up each migrated file's original bytes, then writes its migrated state over it. */
  async commit(opened: readonly WritableDataFile[]): Promise<void> {
    for (const { file, from } of this.#pending) {
      const target = opened.find((o) => o.file === file);
      if (!target) throw new Error(`migrated data file ${file} was not opened`);
      await backUp(file, from, this.#now());
      await target.write();
    }
    this.#pending.length = 0;
  }

  #stepFrom(name: string, version: number): Migration | undefined {
    return this.#migrations.find((m) => m.file === name && m.from === version);
  }
}

/** The file's schemaVersion when it is a known-older integer version, else undefined. */
function olderVersion(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const version = (raw as Record<string, unknown>).schemaVersion;
  return Number.isInteger(version) && (version as number) < SCHEMA_VERSION ? (version as number) : undefined;
}

function runStep(step: Migration, data: Record<string, unknown>, file: string): Record<string, unknown> {
  // A step that does not move forward would loop for ever.
  if (!(step.to > step.from))
    throw migrationFailed(file, step.from, `step ${step.from}→${step.to} goes nowhere`);
  let result: Record<string, unknown>;
  try {
    result = step.migrate(data);
  } catch (cause) {
    throw migrationFailed(file, step.from, `step ${step.from}→${step.to} failed: ${String(cause)}`, cause);
  }
  if (typeof result !== 'object' || result === null || result.schemaVersion !== step.to) {
    throw migrationFailed(
      file,
      step.from,
      `step ${step.from}→${step.to} did not produce schemaVersion ${step.to}`,
    );
  }
  return result;
}

function migrationFailed(file: string, from: number, why: string, cause?: unknown): StoreError {
  return new StoreError(
    'STORE_MIGRATION_FAILED',
    file,
    `riskcheck could not migrate data file ${file} from schemaVersion ${from} to ${SCHEMA_VERSION} (${why}); ` +
      `the file is unchanged: run the riskcheck release that wrote it, or ${RESTORE_ADVICE}.`,
    cause === undefined ? undefined : { cause },
  );
}

/** Copies `file` to `<name>.v<from>.<timestamp>.bak` beside it and makes the copy durable. */
export async function backUp(file: string, from: number, at: Date): Promise<string> {
  // Compact and free of `:` so the name is valid on every file system.
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  const backup = path.join(path.dirname(file), `${path.basename(file)}.v${from}.${stamp}.bak`);
  // EXCL: an earlier backup is never replaced, even one with the same name.
  await copyFile(file, backup, constants.COPYFILE_EXCL);
  const handle = await open(backup, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDirectory(path.dirname(file));
  return backup;
}
