/** Public entry of storage/: the store interface, its two implementations and their errors. */
export { PROCESSED_RETENTION_MS } from './core/store-engine.js';
export { isStoreError, StoreError, type StoreErrorCode } from './errors.js';
export { createLowdbStore, type LowdbStoreOptions } from './lowdb/lowdb-store.js';
export { createMemoryStore } from './memory-store.js';
export type {
  AuditActorChange,
  AuditEvent,
  AuditQuery,
  ConversationLink,
  RiskcheckStore,
  SaveResult,
} from './store.js';
