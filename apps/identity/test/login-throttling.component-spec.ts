import { as, call, HttpAnswer, IdentityApp, startIdentityApp } from './identity-app';
import { aNewEmail, PASSWORD } from './identity-requests';

const MAX_PER_EMAIL = 3;
const MAX_PER_ADDRESS = 8;
const WINDOW_S = 120;

describe('identity service: repeated failed logins are throttled (429 with Retry-After), per email and per client address', () => {
  let app: IdentityApp;

  beforeAll(async () => {
    app = await startIdentityApp({
      IDENTITY_LOGIN_MAX_FAILURES_PER_EMAIL: String(MAX_PER_EMAIL),
      IDENTITY_LOGIN_MAX_FAILURES_PER_ADDRESS: String(MAX_PER_ADDRESS),
      IDENTITY_LOGIN_WINDOW_S: String(WINDOW_S),
    });
  });

  beforeEach(async () => {
    // Every test starts from a clean slate for this client address (all tests share 127.0.0.1).
    await app.dataSource.query('DELETE FROM identity_login_failures');
  });

  afterAll(async () => {
    await app?.close();
  });

  const login = (email: string, password: string): Promise<HttpAnswer> => call(as(app, {}), 'POST', '/auth/token', { email, password });

  function expectThrottled(answer: HttpAnswer): void {
    expect(answer.status).toBe(429);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ status: 429, code: 'IDENTITY.LOGIN.THROTTLED' });
    const retryAfter = Number(answer.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_S);
  }

  it(`answers 401 to ${MAX_PER_EMAIL} wrong passwords, then 429 with Retry-After, and refuses the right password too while throttled`, async () => {
    const { email } = await app.signUpConsumer();

    for (let i = 1; i <= MAX_PER_EMAIL; i++) expect((await login(email, `wrong password ${i}`)).status).toBe(401);

    expectThrottled(await login(email, 'wrong password again'));
    expectThrottled(await login(email, PASSWORD));
  });

  it('throttles an email nobody uses the same way, so a 429 tells nothing about which emails exist', async () => {
    const email = aNewEmail();
    for (let i = 1; i <= MAX_PER_EMAIL; i++) expect((await login(email, PASSWORD)).status).toBe(401);
    expectThrottled(await login(email, PASSWORD));
  });

  it('throttles one email without touching another', async () => {
    const [victim, other] = [await app.signUpConsumer(), await app.signUpConsumer()];
    for (let i = 1; i <= MAX_PER_EMAIL; i++) await login(victim.email, 'wrong password');

    expectThrottled(await login(victim.email, PASSWORD));
    expect((await login(other.email, PASSWORD)).status).toBe(200);
  });

  it('forgets an email’s failures once its user logs in', async () => {
    const { email } = await app.signUpConsumer();
    for (let i = 1; i < MAX_PER_EMAIL; i++) expect((await login(email, 'wrong password')).status).toBe(401);
    expect((await login(email, PASSWORD)).status).toBe(200);

    for (let i = 1; i <= MAX_PER_EMAIL; i++) expect((await login(email, 'wrong password')).status).toBe(401);
    expectThrottled(await login(email, PASSWORD));
  });

  it(`throttles a client address after ${MAX_PER_ADDRESS} failures, whatever the emails`, async () => {
    const { email } = await app.signUpConsumer();
    for (let i = 1; i <= MAX_PER_ADDRESS; i++) expect((await login(aNewEmail(), PASSWORD)).status).toBe(401);

    expectThrottled(await login(email, PASSWORD));
  });

  it('checks no more passwords than the limit allows when attempts arrive in parallel', async () => {
    const { email } = await app.signUpConsumer();

    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => login(email, `wrong password ${i}`)));

    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(MAX_PER_EMAIL).fill(401), ...Array(10 - MAX_PER_EMAIL).fill(429)]);
  });

  it('lets successful logins from one address through however many there are', async () => {
    const { email } = await app.signUpConsumer();
    for (let i = 0; i < MAX_PER_ADDRESS + 2; i++) expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it('opens a new window once the last one has passed', async () => {
    const { email } = await app.signUpConsumer();
    for (let i = 1; i <= MAX_PER_EMAIL; i++) await login(email, 'wrong password');
    expectThrottled(await login(email, PASSWORD));

    await app.dataSource.query(`UPDATE identity_login_failures SET window_started_at = now() - make_interval(secs => $1)`, [WINDOW_S + 1]);

    expect((await login(email, PASSWORD)).status).toBe(200);
  });
});
