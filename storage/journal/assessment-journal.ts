/**
 * The assessment history on disk: `assessments.jsonl`, one line per saved version
 * (`{"put":Assessment}`) or removal (`{"del":"id"}`), with only each assessment's summary and the
 * place of its latest line kept in memory. Saving (a submission, a decision) appends one line,
 * whatever the size of the history; reading one assessment reads one line. Start-up reads a
 * snapshot of the index (index-snapshot.ts) and only the lines appended after it, so it does not
 * parse years of history. Superseded lines stay until `purge` or an automatic compaction.
 */
import type { Assessment } from '../../dialogs/assessment.js';
import { type AssessmentSummary, summariseAssessment } from '../../dialogs/assessment-summary.js';
import { type AssessmentHistory, bySubmitted, matches } from '../core/assessment-history.js';
import { corrupt } from '../lowdb/data-files.js';
import type { SummaryQuery } from '../store.js';
import { AppendLog, type LinePlace, worthCompacting } from './append-log.js';
import { type IndexEntry, readIndexSnapshot, writeIndexSnapshot } from './index-snapshot.js';
import { readLog } from './read-log.js';

export const ASSESSMENTS_KIND = 'riskcheck-assessments';
export const ASSESSMENTS_SCHEMA_VERSION = 1;

/** A new index snapshot after this many appended lines, so a crash never means a long replay. */
const SNAPSHOT_EVERY_LINES = 2000;
const MIN_GARBAGE_BYTES = 8 << 20;

interface Entry {
  summary: AssessmentSummary;
  /** Where its latest line is; absent until that line is on disk. */
  place?: LinePlace & { length: number };
  /** The latest line's text while it is not on disk yet (reads are served from it). */
  pending?: string;
}

export interface AssessmentJournalOptions {
  file: string;
  indexFile: string;
}

export class AssessmentJournal implements AssessmentHistory {
  readonly #log: AppendLog;
  readonly #indexFile: string;
  readonly #entries: Map<string, Entry>;
  #liveBytes = 0;
  /** Lines appended since the snapshot on disk was written; 0 with a current snapshot. */
  #linesSinceSnapshot = 0;
  #snapshotCurrent = false;
  #background: Promise<void> | undefined;
  /** Set while the file is being replaced: reads of the old generation wait for it. */
  #purging: Promise<void> | undefined;

  private constructor(log: AppendLog, indexFile: string, entries: Map<string, Entry>) {
    this.#log = log;
    this.#indexFile = indexFile;
    this.#entries = entries;
    for (const entry of entries.values()) this.#liveBytes += (entry.place?.length ?? 0) + 1;
  }

  /** Reads the history without creating anything; `finish` opens or creates it (see RecordJournal.load). */
  static async load(
    options: AssessmentJournalOptions,
  ): Promise<{ finish(seed?: Iterable<Assessment>): Promise<AssessmentJournal> }> {
    const { file, indexFile } = options;
    const entries = new Map<string, Entry>();
    const snapshot = await readIndexSnapshot(indexFile);
    let replayed = 0;
    let generation = '';
    let fromSnapshot = false;
    const found = await readLog(
      file,
      { kind: ASSESSMENTS_KIND, schemaVersion: ASSESSMENTS_SCHEMA_VERSION },
      (line) => {
        replayed++;
        const parsed = JSON.parse(line.text) as { put?: Assessment; del?: unknown };
        if (typeof parsed.del === 'string') {
          entries.delete(parsed.del);
          return;
        }
        const record = parsed.put;
        if (typeof record?.id !== 'string' || typeof record.version !== 'number')
          throw new Error('it is not an assessment');
        entries.delete(record.id);
        entries.set(record.id, {
          summary: summariseAssessment(record),
          place: { generation, offset: line.offset, length: line.length },
        });
      },
      (header, headerEnd, fileSize) => {
        generation = header.generation;
        if (!snapshot || snapshot.generation !== header.generation || snapshot.size > fileSize)
          return headerEnd;
        fromSnapshot = true;
        for (const item of snapshot.entries) {
          entries.set(item.summary.id, {
            summary: item.summary,
            place: { generation, offset: item.offset, length: item.length },
          });
        }
        return snapshot.size;
      },
    );
    const current = fromSnapshot && replayed === 0;
    return { finish: (seed) => AssessmentJournal.#finish(options, entries, found, replayed, current, seed) };
  }

  static async #finish(
    { file, indexFile }: AssessmentJournalOptions,
    entries: Map<string, Entry>,
    found: Awaited<ReturnType<typeof readLog>>,
    replayed: number,
    snapshotCurrent: boolean,
    seed: Iterable<Assessment> | undefined,
  ): Promise<AssessmentJournal> {
    if (found) {
      const journal = new AssessmentJournal(
        await AppendLog.openExisting(file, found.header, found.size),
        indexFile,
        entries,
      );
      journal.#snapshotCurrent = snapshotCurrent;
      // A long replay (no snapshot, or an old one) is not repeated at the next start.
      if (replayed >= SNAPSHOT_EVERY_LINES) await journal.#snapshot();
      return journal;
    }
    const records = [...(seed ?? [])];
    const lines = records.map((record) => JSON.stringify({ put: record }));
    const { log, offsets } = await AppendLog.create(
      file,
      ASSESSMENTS_KIND,
      ASSESSMENTS_SCHEMA_VERSION,
      lines,
    );
    records.forEach((record, index) => {
      entries.set(record.id, {
        summary: summariseAssessment(record),
        place: {
          generation: log.header.generation,
          offset: offsets[index] as number,
          length: Buffer.byteLength(lines[index] as string),
        },
      });
    });
    const journal = new AssessmentJournal(log, indexFile, entries);
    if (records.length > 0) await journal.#snapshot();
    return journal;
  }

  versionOf(id: string): number | undefined {
    return this.#entries.get(id)?.summary.version;
  }

  async get(id: string): Promise<Assessment | undefined> {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    const text = entry.pending ?? (await this.#readLine(entry));
    // A newer version may have been saved while reading: answer with what was current then.
    const record = (JSON.parse(text) as { put?: Assessment }).put;
    if (record?.id !== id)
      throw corrupt(this.#log.file, `the line for assessment ${id} holds another record`);
    return record;
  }

  put(record: Assessment): Promise<void> {
    const line = JSON.stringify({ put: record });
    const previous = this.#entries.get(record.id);
    this.#liveBytes -= previous?.place ? previous.place.length + 1 : 0;
    const entry: Entry = { summary: summariseAssessment(record), pending: line };
    this.#entries.delete(record.id);
    this.#entries.set(record.id, entry);
    return this.#append(line, entry);
  }

  async delete(id: string): Promise<boolean> {
    const entry = this.#entries.get(id);
    if (!entry) return false;
    this.#entries.delete(id);
    this.#liveBytes -= entry.place ? entry.place.length + 1 : 0;
    await this.#append(JSON.stringify({ del: id }));
    return true;
  }

  summaries(query: SummaryQuery = {}): AssessmentSummary[] {
    const found: AssessmentSummary[] = [];
    for (const entry of this.#entries.values()) if (matches(entry.summary, query)) found.push(entry.summary);
    return found.sort(bySubmitted).map((s) => structuredClone(s));
  }

  /** Rewrites the file with each assessment's latest version only, then snapshots the index. */
  purge(): Promise<void> {
    const run = this.#purge();
    this.#purging = run;
    return run.finally(() => {
      if (this.#purging === run) this.#purging = undefined;
    });
  }

  async #purge(): Promise<void> {
    await this.#purging?.catch(() => undefined);
    if (this.#background && this.#background !== this.#purging) await this.#background;
    await this.#log.flush();
    const live = [...this.#entries.entries()];
    const texts: string[] = [];
    for (const [, entry] of live) texts.push(entry.pending ?? (await this.#readLine(entry)));
    const offsets = await this.#log.rewrite(texts);
    const { generation } = this.#log.header;
    this.#liveBytes = 0;
    live.forEach(([id, entry], index) => {
      const length = Buffer.byteLength(texts[index] as string);
      this.#liveBytes += length + 1;
      // Saved again meanwhile: that newer line (appended after the rewrite) is the one to keep.
      if (this.#entries.get(id) !== entry) return;
      entry.place = { generation, offset: offsets[index] as number, length };
      entry.pending = undefined;
    });
    await this.#snapshot();
  }

  async close(): Promise<void> {
    await this.#background?.catch(() => undefined);
    await this.#log.flush();
    // Nothing new since the snapshot on disk: writing the same index again only costs time.
    if (!this.#snapshotCurrent) await this.#snapshot().catch(() => undefined);
    await this.#log.close();
  }

  async #append(line: string, entry?: Entry): Promise<void> {
    this.#snapshotCurrent = false;
    const place = await this.#log.append(line);
    this.#linesSinceSnapshot++;
    if (
      entry &&
      this.#entries.get(entry.summary.id) === entry &&
      place.generation === this.#log.header.generation
    ) {
      entry.place = { ...place, length: Buffer.byteLength(line) };
      entry.pending = undefined;
      this.#liveBytes += entry.place.length + 1;
    }
    this.#maintain();
  }

  async #readLine(entry: Entry): Promise<string> {
    for (;;) {
      const { place, pending } = entry;
      if (place && place.generation === this.#log.header.generation)
        return this.#log.read(place.offset, place.length);
      if (pending !== undefined) return pending;
      // Between replacing the file and updating the places, a place may name the old generation.
      const purging = this.#purging;
      if (!purging) throw corrupt(this.#log.file, `assessment ${entry.summary.id} has no readable line`);
      await purging.catch(() => undefined);
    }
  }

  /** Snapshots the index or compacts, in the background, when enough has changed. */
  #maintain(): void {
    if (this.#background) return;
    const task = worthCompacting(this.#log.size, this.#liveBytes, MIN_GARBAGE_BYTES)
      ? () => this.purge()
      : this.#linesSinceSnapshot >= SNAPSHOT_EVERY_LINES
        ? () => this.#snapshot()
        : undefined;
    if (!task) return;
    this.#background = task()
      .catch(() => undefined)
      .finally(() => {
        this.#background = undefined;
      });
  }

  /** Writes the index as of the file's durable size; skipped while a line is still in flight. */
  async #snapshot(): Promise<void> {
    const items: IndexEntry[] = [];
    const { generation } = this.#log.header;
    for (const entry of this.#entries.values()) {
      if (entry.pending !== undefined || entry.place?.generation !== generation) return;
      items.push({ summary: entry.summary, offset: entry.place.offset, length: entry.place.length });
    }
    const size = this.#log.size;
    this.#linesSinceSnapshot = 0;
    await writeIndexSnapshot(this.#indexFile, { generation, size, entries: items });
    // Only if nothing was appended while it was written.
    if (this.#log.size === size && generation === this.#log.header.generation) this.#snapshotCurrent = true;
  }
}
