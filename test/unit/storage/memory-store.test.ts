/** The in-memory store against the shared contract. */
import { createMemoryStore } from '../../../storage/memory-store.js';
import { runStoreContract } from './store-contract.js';

runStoreContract('memory', async () => {
  const store = createMemoryStore();
  return { store, cleanup: () => store.close() };
});
