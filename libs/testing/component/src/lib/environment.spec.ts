import { withEnvironment } from './environment';

describe('withEnvironment', () => {
  const KEY = 'COMPONENT_TESTING_PROBE';

  afterEach(() => {
    delete process.env[KEY];
  });

  it('sets the variables while the work runs', async () => {
    const seen = await withEnvironment({ [KEY]: 'during' }, async () => process.env[KEY]);
    expect(seen).toBe('during');
  });

  it('puts the previous value back afterwards, and removes a variable that was not set', async () => {
    process.env[KEY] = 'before';
    await withEnvironment({ [KEY]: 'during', [`${KEY}_NEW`]: 'x' }, async () => undefined);
    expect(process.env[KEY]).toBe('before');
    expect(process.env[`${KEY}_NEW`]).toBeUndefined();
  });

  it('restores even when the work throws', async () => {
    await expect(withEnvironment({ [KEY]: 'during' }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(process.env[KEY]).toBeUndefined();
  });
});
