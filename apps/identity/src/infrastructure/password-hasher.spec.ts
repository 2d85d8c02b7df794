import { PasswordHasher } from './password-hasher';

describe('PasswordHasher (scrypt)', () => {
  const hasher = new PasswordHasher(10);
  const password = 'correct horse battery staple';

  it('stores scrypt with its parameters and a salt: scrypt$N$r$p$salt$hash', async () => {
    const stored = await hasher.hash(password);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(password);
  });

  it('salts every hash: one password, two different hashes', async () => {
    expect(await hasher.hash(password)).not.toBe(await hasher.hash(password));
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash(password);
    expect(await hasher.verify(password, stored)).toBe(true);
    expect(await hasher.verify('correct horse battery stapler', stored)).toBe(false);
  });

  it('verifies a hash made at another cost with that cost', async () => {
    const older = await new PasswordHasher(11).hash(password);
    expect(older).toMatch(/^scrypt\$2048\$/);
    expect(await hasher.verify(password, older)).toBe(true);
  });

  it('treats Unicode the same however it is composed (NFC)', async () => {
    const stored = await hasher.hash('crème brûlée pass');
    expect(await hasher.verify('cre\u0300me bru\u0302le\u0301e pass', stored)).toBe(true);
  });

  it('refuses every password when there is no user, after the same work', async () => {
    expect(await hasher.verify(password, null)).toBe(false);
  });

  it.each([
    ['another scheme', 'bcrypt$10$abc'],
    ['a cost beyond the limits', 'scrypt$4194304$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a cost that is no power of two', 'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['missing parts', 'scrypt$1024$8$1'],
  ])('refuses a stored value with %s instead of running it', async (_case, stored) => {
    expect(await hasher.verify(password, stored)).toBe(false);
  });

  it('refuses a cost outside 2^10..2^20', () => {
    expect(() => new PasswordHasher(9)).toThrow();
    expect(() => new PasswordHasher(21)).toThrow();
  });
});
