import { eventually } from './eventually';

describe('eventually', () => {
  it('returns the first result the probe gives without throwing', async () => {
    let attempts = 0;
    const result = await eventually(() => {
      attempts += 1;
      if (attempts < 3) throw new Error('not yet');
      return `ready after ${attempts}`;
    });
    expect(result).toBe('ready after 3');
  });

  it('waits for asynchronous probes', async () => {
    const readyAt = Date.now() + 100;
    await expect(eventually(async () => {
      if (Date.now() < readyAt) throw new Error('not yet');
      return 'ready';
    })).resolves.toBe('ready');
  });

  it('rethrows the last error once the time is up', async () => {
    let attempts = 0;
    const started = Date.now();
    await expect(
      eventually(() => {
        attempts += 1;
        throw new Error(`attempt ${attempts} failed`);
      }, { timeoutMs: 200, intervalMs: 20 }),
    ).rejects.toThrow(/attempt \d+ failed/);
    const lastAttempt = attempts;
    expect(lastAttempt).toBeGreaterThan(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  });

  it('rethrows exactly the error of the last attempt', async () => {
    const errors: Error[] = [];
    const failure = await eventually(() => {
      const error = new Error(`attempt ${errors.length + 1}`);
      errors.push(error);
      throw error;
    }, { timeoutMs: 100, intervalMs: 10 }).catch((error: unknown) => error);
    expect(failure).toBe(errors[errors.length - 1]);
  });
});
