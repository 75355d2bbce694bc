/**
 * Deep freezing, shared by the store (records handed out without copying) and the card compiler
 * (static parts of a card shared by every render). A frozen object is taken to be frozen all the
 * way down: in riskcheck only these functions freeze anything, and they freeze every level.
 */

/** Freezes a JSON-like value the caller owns alone (just parsed or just built) without copying it. */
export function freezeInPlace<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) freezeInPlace(child);
  return Object.freeze(value);
}
