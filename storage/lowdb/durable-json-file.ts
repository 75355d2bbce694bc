/**
 * A lowdb Adapter that survives power loss: lowdb's JSONFile renames a temp file into place but
 * never fsyncs, so an acknowledged write can vanish. This one writes the temp file, fsyncs it,
 * renames it over the target and fsyncs the directory. It serialises compactly and coalesces
 * writes queued behind a running one into a single write of the latest state.
 */
import { open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { RESTORE_ADVICE, StoreError } from '../errors.js';

/** Checks a parsed file and returns the in-memory data, or throws a StoreError. */
export type Decode<T> = (raw: unknown, file: string) => T;

interface QueuedWrite<T> {
  data: T;
  done: Promise<void>;
}

export class DurableJsonFile<T> implements Adapter<T> {
  readonly #file: string;
  readonly #tempFile: string;
  readonly #decode: Decode<T>;
  /** Settles when the last started or queued write settles; never rejects. */
  #tail: Promise<void> = Promise.resolve();
  #queued: QueuedWrite<T> | undefined;

  constructor(file: string, decode: Decode<T>) {
    this.#file = file;
    this.#tempFile = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
    this.#decode = decode;
  }

  get file(): string {
    return this.#file;
  }

  /** null for a missing file (lowdb then keeps its defaults); a StoreError for an unreadable one. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (cause) {
      throw new StoreError(
        'STORE_CORRUPT',
        this.#file,
        `riskcheck data file ${this.#file} is not valid JSON: ${RESTORE_ADVICE}.`,
        { cause },
      );
    }
    return this.#decode(raw, this.#file);
  }

  /**
   * Writes queued while another write runs share one slot: when its turn comes it serialises the
   * data as it is then, which includes every change made before any of those calls.
   */
  write(data: T): Promise<void> {
    if (this.#queued) {
      this.#queued.data = data;
      return this.#queued.done;
    }
    const queued = { data } as QueuedWrite<T>;
    queued.done = this.#tail.then(() => {
      // From here a new change needs a new write: this one's snapshot is taken now.
      this.#queued = undefined;
      return this.#writeText(JSON.stringify(queued.data));
    });
    this.#queued = queued;
    this.#tail = queued.done.catch(() => undefined);
    return queued.done;
  }

  /** Resolves when every write issued so far has settled (used by close). */
  flush(): Promise<void> {
    return this.#tail;
  }

  async #writeText(text: string): Promise<void> {
    const handle = await open(this.#tempFile, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.#tempFile, this.#file);
    await syncDirectory(path.dirname(this.#file));
  }
}

/** Makes a rename or file creation durable. Some platforms (Windows) cannot fsync a directory. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}
