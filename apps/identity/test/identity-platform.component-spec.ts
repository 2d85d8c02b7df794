import { routePoliciesOf, routesWithoutPolicy } from '@brigade/auth';
import { as, call, IdentityApp, startIdentityApp } from './identity-app';

describe('identity service: health, OpenAPI and a policy on every route', () => {
  let app: IdentityApp;

  beforeAll(async () => {
    app = await startIdentityApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('GET /health is 200 with the database and NATS up', async () => {
    const health = await call(as(app, {}), 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, nats: { status: 'up' } } });
  });

  it('GET /docs-json documents every identity route with its answers and its access policy', async () => {
    const docs = await call(as(app, {}), 'GET', '/docs-json');
    expect(docs.status).toBe(200);
    const paths = docs.body.paths;
    expect(paths['/auth/signup'].post.responses).toHaveProperty('409');
    expect(paths['/auth/token'].post.responses).toEqual(expect.objectContaining({ 200: expect.anything(), 401: expect.anything(), 429: expect.anything() }));
    expect(paths['/auth/users'].post.responses).toHaveProperty('403');
    expect(routesWithoutPolicy(docs.body)).toEqual([]);
    const policies = Object.fromEntries(routePoliciesOf(docs.body).map((route) => [`${route.method} ${route.path}`, route.access]));
    expect(policies).toMatchObject({
      'POST /auth/signup': 'public',
      'POST /auth/token': 'public',
      'POST /auth/users': 'admin',
      'GET /.well-known/jwks.json': 'public',
      'GET /.well-known/openid-configuration': 'public',
      'POST /admin/signing-keys/rotate': 'admin',
    });
  });
});
