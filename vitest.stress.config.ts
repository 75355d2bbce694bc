/** `npm run test:stress`: the crash-safety suite scaled up (many more SIGKILLs and acknowledged writes). */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/storage/crash-safety.test.ts'],
    environment: 'node',
    env: { RISKCHECK_STRESS: '1' },
    testTimeout: 900_000,
    pool: 'forks',
  },
});
