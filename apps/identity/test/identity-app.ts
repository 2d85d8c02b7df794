// A real identity service for component tests: the real AppModule (HTTP, relay, key ring, first
// admin) on a fresh database and a NATS subject prefix of its own, listening on a free port,
// collecting what it publishes. Its tokens are its own: the environment's test issuer is not
// trusted here, so admin calls log in as the first admin (BRIGADE_ADMIN_*).
import { as, call, CallTarget, ComponentApp, componentAppOf, startComponentApp } from '@brigade/component-testing';
import { identityContext } from '@brigade/contracts/identity';
import { TEST_AUDIENCE, TEST_ISSUER } from '@brigade/testing';
import { createRemoteJWKSet, decodeProtectedHeader, JWTPayload, jwtVerify } from 'jose';
import { AppModule } from '../src/app.module';
import { aSignUpBody, PASSWORD } from './identity-requests';

export { as, call } from '@brigade/component-testing';
export type { HttpAnswer, PublishedMessage } from '@brigade/component-testing';

export const APP = 'identity';
export const ADMIN = { email: 'root@example.com', password: 'root passphrase for tests' };

/** Cheap hashing (2^10) for tests; the first admin; the test issuer's key set left out (identity trusts its own keys). */
const TEST_ENV = {
  IDENTITY_SCRYPT_LOG2_N: '10',
  BRIGADE_ADMIN_EMAIL: ADMIN.email,
  BRIGADE_ADMIN_PASSWORD: ADMIN.password,
  AUTH_JWKS: '',
};

export interface IdentityApp extends ComponentApp {
  /** The env the app was started with (for a second replica on the same database). */
  readonly env: Record<string, string>;
  /** POST /auth/token: the access token, failing the test on any other answer. */
  login(email: string, password: string, target?: CallTarget): Promise<string>;
  /** `{ authorization: 'Bearer …' }` of the first admin, logged in now. */
  adminHeaders(): Promise<Record<string, string>>;
  /** Signs a consumer up and logs it in. */
  signUpConsumer(): Promise<{ userId: string; consumerId: string; email: string; token: string }>;
  /** Verifies a token as any app would: against the served JWKS, with the issuer and audience the app writes. */
  verify(token: string): Promise<{ payload: JWTPayload; kid: string | undefined }>;
  /** Rows in identity_credentials: bad input must never change it. */
  credentialCount(): Promise<number>;
  /** Another replica of the app on the same database and namespace. */
  startReplica(): Promise<ComponentApp>;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function startIdentityApp(env: Record<string, string> = {}): Promise<IdentityApp> {
  const fullEnv = { ...TEST_ENV, ...env };
  const app = await startComponentApp({ app: APP, context: identityContext, module: AppModule, env: fullEnv });
  return identityAppOf(app, fullEnv);
}

function identityAppOf(app: ComponentApp, env: Record<string, string>): IdentityApp {
  const login = async (email: string, password: string, target: CallTarget = app) => {
    const answer = await call(as(target, {}), 'POST', '/auth/token', { email, password });
    if (answer.status !== 200) throw new Error(`login of ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.access_token as string;
  };
  const jwks = createRemoteJWKSet(new URL(`${app.baseUrl}/.well-known/jwks.json`), { cooldownDuration: 0, cacheMaxAge: 0 });
  return {
    ...app,
    env,
    login,
    adminHeaders: async () => bearer(await login(ADMIN.email, ADMIN.password)),
    signUpConsumer: async () => {
      const body = aSignUpBody();
      const signedUp = await call(as(app, {}), 'POST', '/auth/signup', body);
      if (signedUp.status !== 201) throw new Error(`sign-up answered ${signedUp.status}: ${JSON.stringify(signedUp.body)}`);
      return { ...signedUp.body, email: body.email, token: await login(body.email, PASSWORD) };
    },
    verify: async (token) => {
      const { payload } = await jwtVerify(token, jwks, { issuer: TEST_ISSUER, audience: TEST_AUDIENCE, algorithms: ['RS256'] });
      return { payload, kid: decodeProtectedHeader(token).kid };
    },
    credentialCount: async () => (await app.dataSource.query('SELECT count(*)::int AS n FROM identity_credentials'))[0].n,
    startReplica: async () => componentAppOf(app.environment, await app.environment.startApp({ module: AppModule, env })),
  };
}
