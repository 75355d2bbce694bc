/**
 * Exports waiting to be downloaded, in memory only: an export holds personal data, so it never
 * touches the disk, lives 15 minutes, can be fetched once, and the vault holds a bounded number.
 * The link's token is 256 random bits, so guessing one is hopeless and a Map lookup is enough.
 */
import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../app/app-deps.js';
import type { Clock } from '../clock.js';

export const EXPORT_TTL_MS = 15 * 60 * 1000;
export const MAX_WAITING_EXPORTS = 20;

export interface ExportFile {
  /** Audit subject tying `export.created` to `export.downloaded`; never the token. */
  exportId: string;
  /** Who asked for it (actor key), for the download's audit event. */
  createdBy: string;
  fileName: string;
  contentType: string;
  body: string;
}

interface Entry {
  file: ExportFile;
  expiresAt: number;
}

export class ExportVault {
  readonly #entries = new Map<string, Entry>();
  readonly #clock: Clock;
  readonly #maxEntries: number;
  readonly #ttlMs: number;

  constructor(clock: Clock, options: { maxEntries?: number; ttlMs?: number } = {}) {
    this.#clock = clock;
    this.#maxEntries = options.maxEntries ?? MAX_WAITING_EXPORTS;
    this.#ttlMs = options.ttlMs ?? EXPORT_TTL_MS;
  }

  /** Stores `file` and returns its token (URL-safe). */
  put(file: ExportFile): { token: string; expiresAt: Date } {
    this.#dropExpired();
    // Full even after expiry: the oldest waiting export goes (Map keeps insertion order).
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.#clock.now().getTime() + this.#ttlMs;
    this.#entries.set(token, { file, expiresAt });
    return { token, expiresAt: new Date(expiresAt) };
  }

  /** The file once: it is removed as it is handed out. Undefined when unknown, used or expired. */
  take(token: string): ExportFile | undefined {
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    this.#entries.delete(token);
    return this.#clock.now().getTime() < entry.expiresAt ? entry.file : undefined;
  }

  get size(): number {
    this.#dropExpired();
    return this.#entries.size;
  }

  #dropExpired(): void {
    const now = this.#clock.now().getTime();
    for (const [token, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(token);
  }
}

/** What the export use case needs from the HTTP side: the vault and where links point. */
export interface ExportDelivery {
  vault: ExportVault;
  /** Without trailing slash; undefined when exports cannot be offered (production without a URL). */
  publicUrl: string | undefined;
}

// One delivery per running bot, keyed by its deps: the router and the chat command share the
// vault without widening AppDeps, which every other use case would then carry.
const deliveries = new WeakMap<AppDeps, ExportDelivery>();

export function registerExportDelivery(deps: AppDeps, delivery: ExportDelivery): void {
  deliveries.set(deps, delivery);
}

export function exportDeliveryFor(deps: AppDeps): ExportDelivery | undefined {
  return deliveries.get(deps);
}
