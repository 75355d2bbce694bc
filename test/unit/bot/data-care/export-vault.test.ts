/** The vault: random tokens, one download each, 15 minutes by the injected clock, bounded size. */
import { describe, expect, it } from 'vitest';
import { EXPORT_TTL_MS, type ExportFile, ExportVault } from '../../../../bot/data-care/export-vault.js';
import { createFakeClock } from '../../../helpers/fake-clock.js';

const file = (exportId = 'x1'): ExportFile => ({
  exportId,
  createdBy: 'teams:admin',
  fileName: 'riskcheck-all.csv',
  contentType: 'text/csv',
  body: 'id\r\n',
});

describe('ExportVault', () => {
  it('hands a file out once under a 256-bit URL-safe token', () => {
    const vault = new ExportVault(createFakeClock());
    const { token } = vault.put(file());
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(vault.put(file()).token).not.toBe(token);
    expect(vault.take(token)?.exportId).toBe('x1');
    expect(vault.take(token)).toBeUndefined();
    expect(vault.take('unknown')).toBeUndefined();
  });

  it('expires a file after 15 minutes by the clock', () => {
    const clock = createFakeClock();
    const vault = new ExportVault(clock);
    const early = vault.put(file('early')).token;
    const late = vault.put(file('late')).token;
    clock.advance(EXPORT_TTL_MS - 1);
    expect(vault.take(early)?.exportId).toBe('early');
    clock.advance(1);
    expect(vault.take(late)).toBeUndefined();
    expect(vault.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const vault = new ExportVault(createFakeClock(), { maxEntries: 2 });
    const first = vault.put(file('1')).token;
    const second = vault.put(file('2')).token;
    const third = vault.put(file('3')).token;
    expect(vault.size).toBe(2);
    expect(vault.take(first)).toBeUndefined();
    expect(vault.take(second)?.exportId).toBe('2');
    expect(vault.take(third)?.exportId).toBe('3');
  });
});
