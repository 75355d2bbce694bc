/**
 * The one sanctioned change to past audit events: replacing a person by a pseudonym (erasure on
 * request, retention). Mutates the event it is given: the audit trail applies it while rewriting its events.
 */
import type { AuditActorChange, AuditEvent } from '../store.js';

/** Rewrites `event`'s actor (and a subject naming the person) per `changes`; true if it changed. */
export function applyActorChanges(event: AuditEvent, changes: readonly AuditActorChange[]): boolean {
  let changed = false;
  for (const change of changes) {
    if (change.subject !== undefined && event.subject !== change.subject) continue;
    if (event.actor === change.from) {
      event.actor = change.to;
      changed = true;
    }
    if (change.subject === undefined && event.subject === change.from) {
      event.subject = change.to;
      changed = true;
    }
  }
  return changed;
}
