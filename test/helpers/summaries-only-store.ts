/**
 * A store for tests of code that must not read the whole history: the full-record list methods
 * (which read from disk in the embedded store) reject, and full reads by id are recorded, so a
 * test can say exactly which assessments were read in full.
 */
import type { RiskcheckStore } from '../../storage/store.js';

const FULL_RECORD_LISTS: ReadonlySet<string> = new Set([
  'listAssessments',
  'listAssessmentsByDepartment',
  'listAssessmentsBySubmitter',
]);

export function summariesOnly(store: RiskcheckStore): { store: RiskcheckStore; reads: string[] } {
  const reads: string[] = [];
  const guarded = new Proxy(store, {
    get(target, property, receiver) {
      if (typeof property === 'string' && FULL_RECORD_LISTS.has(property)) {
        return () => Promise.reject(new Error(`${property} was called: it reads the whole history`));
      }
      if (property === 'getAssessment') {
        return (id: string) => {
          reads.push(id);
          return target.getAssessment(id);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
  return { store: guarded, reads };
}
