import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../src/core/dispatch';
import type { ContractHandlers } from '../../src/shared/contract';

describe('the dispatcher', () => {
  it('tells a person what failed and what to do on an internal error, never a stack or an SQL constraint', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handlers = {
      importBundle: () => {
        throw Object.assign(new Error('FOREIGN KEY constraint failed'), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
      },
    } as unknown as ContractHandlers;
    const result = await dispatch(handlers, 'importBundle', { dataBase64: 'AA==' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          'Marginalia could not import bundle because of a fault inside Marginalia, not anything you did. Try again; if it fails again, restart Marginalia and report the problem (the details are in its log).',
      },
    });
    // The details still reach the log, for whoever reports it.
    expect(String(logged.mock.calls[0]?.[1])).toContain('FOREIGN KEY');
    logged.mockRestore();
  });
});
