/**
 * The audit trail behind one small interface: the memory store keeps events in an array, the
 * embedded store keeps them only on disk (lowdb/audit-log.ts) and reads them when asked, since
 * only exports, erasure and audit queries read them and years of events would fill the memory.
 */
import type { AuditDurability, AuditEvent } from '../store.js';

export interface AuditTrail {
  /** Resolves once the event is as durable as asked (see AuditDurability). */
  append(event: AuditEvent, durability?: AuditDurability): Promise<void>;
  /** Private copies of the events `keep` accepts, oldest first. */
  list(keep: (event: AuditEvent) => boolean): Promise<AuditEvent[]>;
  /** Changes events in place where `change` returns true; persists; resolves with the count. */
  rewrite(change: (event: AuditEvent) => boolean): Promise<number>;
}

export function memoryAuditTrail(): AuditTrail {
  const events: AuditEvent[] = [];
  return {
    async append(event) {
      events.push(structuredClone(event));
    },
    async list(keep) {
      return events.filter(keep).map((e) => structuredClone(e));
    },
    async rewrite(change) {
      let changed = 0;
      for (const event of events) if (change(event)) changed++;
      return changed;
    },
  };
}
