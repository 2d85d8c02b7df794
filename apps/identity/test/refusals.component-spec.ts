import { as, call, HttpAnswer, IdentityApp, startIdentityApp } from './identity-app';
import { aNewEmail, aSignUpBody, PASSWORD, without } from './identity-requests';

describe('identity service: bad sign-ups and logins are refused and write nothing', () => {
  let app: IdentityApp;

  beforeAll(async () => {
    app = await startIdentityApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Sends the request (without a token) and checks that neither an event nor a credential was stored because of it. */
  async function refused(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    const [events, credentials] = [await app.storedEventCount(), await app.credentialCount()];
    const answer = await call(as(app, {}), method, path, body);
    expect([await app.storedEventCount(), await app.credentialCount()]).toEqual([events, credentials]);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    return answer;
  }

  const fieldsOf = (answer: HttpAnswer): string[] => (answer.body.errors ?? []).map((e: { field: string }) => e.field);

  describe('POST /auth/signup', () => {
    it.each([
      ['a password of 11 characters', aSignUpBody({ password: 'x'.repeat(11) }), 'password'],
      ['a password of 257 characters', aSignUpBody({ password: 'x'.repeat(257) }), 'password'],
      ['a password that is no string', aSignUpBody({ password: 123456789012 }), 'password'],
      ['a missing password', without(aSignUpBody(), 'password'), 'password'],
      ['an email without @', aSignUpBody({ email: 'ada.example.com' }), 'email'],
      ['an email without a top-level domain', aSignUpBody({ email: 'ada@example' }), 'email'],
      ['an email that is too long', aSignUpBody({ email: `${'a'.repeat(250)}@example.com` }), 'email'],
      ['a missing email', without(aSignUpBody(), 'email'), 'email'],
      ['a missing name', without(aSignUpBody(), 'name'), 'name'],
      ['a blank first name', aSignUpBody({ name: { firstName: ' ', lastName: 'Lovelace' } }), 'name.firstName'],
      ['a role (consumers sign up as consumers)', aSignUpBody({ role: 'admin' }), 'role'],
      ['a consumer id of their choosing', aSignUpBody({ consumerId: '00000000-0000-4000-8000-000000000000' }), 'consumerId'],
    ])('refuses %s with a 400 naming the field', async (_case, body, field) => {
      const answer = await refused('POST', '/auth/signup', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION' });
      expect(fieldsOf(answer)).toContain(field);
    });

    it('never echoes the password in a refusal', async () => {
      const password = 'short-secret';
      const answer = await refused('POST', '/auth/signup', aSignUpBody({ password: password.slice(0, 11) }));
      expect(JSON.stringify(answer.body)).not.toContain(password.slice(0, 11));
    });

    it('refuses a taken email with 409 IDENTITY.USER.EMAIL_TAKEN, whatever its case and spacing', async () => {
      const email = aNewEmail();
      expect((await call(as(app, {}), 'POST', '/auth/signup', aSignUpBody({ email }))).status).toBe(201);

      for (const again of [email, ` ${email.toUpperCase()} `]) {
        const answer = await refused('POST', '/auth/signup', aSignUpBody({ email: again }));
        expect(answer.status).toBe(409);
        expect(answer.body).toMatchObject({ status: 409, code: 'IDENTITY.USER.EMAIL_TAKEN' });
      }
    });

    it('gives an email to exactly one of several sign-ups racing for it; the others get 409 and write nothing', async () => {
      const email = aNewEmail();
      const [events, credentials] = [await app.storedEventCount(), await app.credentialCount()];

      const answers = await Promise.all(Array.from({ length: 6 }, () => call(as(app, {}), 'POST', '/auth/signup', aSignUpBody({ email }))));

      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      expect([await app.storedEventCount(), await app.credentialCount()]).toEqual([events + 1, credentials + 1]);
    });
  });

  describe('POST /auth/token', () => {
    it('answers an unknown email and a wrong password alike: 401 IDENTITY.CREDENTIALS.INVALID', async () => {
      const { email } = await app.signUpConsumer();

      const unknown = await refused('POST', '/auth/token', { email: aNewEmail(), password: PASSWORD });
      const wrong = await refused('POST', '/auth/token', { email, password: `${PASSWORD}!` });

      for (const answer of [unknown, wrong]) {
        expect(answer.status).toBe(401);
        expect(answer.body.code).toBe('IDENTITY.CREDENTIALS.INVALID');
      }
      const comparable = ({ body, headers }: HttpAnswer) => ({ ...body, correlationId: undefined, headers: [...headers.keys()].filter((h) => !['date', 'x-correlation-id'].includes(h)) });
      expect(comparable(unknown)).toEqual(comparable(wrong));
    });

    it.each([
      ['a missing password', { email: 'ada@example.com' }, 'password'],
      ['a missing email', { password: PASSWORD }, 'email'],
      ['a password that is too long to hash', { email: 'ada@example.com', password: 'x'.repeat(257) }, 'password'],
      ['an extra field', { email: 'ada@example.com', password: PASSWORD, grant_type: 'password' }, 'grant_type'],
    ])('refuses %s with a 400 naming the field', async (_case, body, field) => {
      const answer = await refused('POST', '/auth/token', body);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer)).toContain(field);
    });
  });

  describe('POST /auth/token at production-like cost', () => {
    let costly: IdentityApp;

    beforeAll(async () => {
      // 2^14: tens of milliseconds per hash, so that skipping it would show.
      costly = await startIdentityApp({ IDENTITY_SCRYPT_LOG2_N: '14' });
    });

    afterAll(async () => {
      await costly?.close();
    });

    it('takes about as long for an unknown email as for a wrong password: both check a hash', async () => {
      const { email } = await costly.signUpConsumer();
      const timed = async (body: object) => {
        const started = process.hrtime.bigint();
        expect((await call(as(costly, {}), 'POST', '/auth/token', body)).status).toBe(401);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
      const unknown: number[] = [];
      const wrong: number[] = [];
      for (let i = 0; i < 5; i++) {
        unknown.push(await timed({ email: aNewEmail(), password: PASSWORD }));
        wrong.push(await timed({ email, password: `${PASSWORD}?${i}` }));
        await costly.dataSource.query(`DELETE FROM identity_login_failures`);
      }
      // One-sided on purpose (shared CPUs make timings noisy): an unknown email must not answer markedly sooner.
      expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.6);
    });
  });
});
