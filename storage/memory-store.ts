/**
 * In-memory store for tests and demos: same engine as the lowdb store, nothing persisted. Every
 * read and write deep-copies, so callers can never mutate stored state by holding a reference.
 */
import { createStoreEngine, emptyState, noPersistence } from './core/store-engine.js';
import type { RiskcheckStore } from './store.js';

export function createMemoryStore(): RiskcheckStore {
  return createStoreEngine(emptyState(), noPersistence);
}
