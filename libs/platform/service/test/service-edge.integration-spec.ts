import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { TestDatabase, TestIssuer, createTestDatabase } from '@brigade/testing';
import { createServiceApp } from '../src';
import { PROBE_SERVER, SwitchableIndicator, probeAppModule } from './fixtures/probe.app';

const validBody = { name: 'Ajanta', address: { street1: '1 Main St', city: 'Oakland' }, menu: [{ name: 'Curry', priceCents: 1250 }] };

describe('the service edge over real HTTP', () => {
  let database: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let issuer: TestIssuer;

  beforeAll(async () => {
    database = await createTestDatabase('service_edge');
    issuer = await TestIssuer.create();
    app = await createServiceApp({
      name: 'probe',
      version: '9.9.9',
      module: probeAppModule({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', DB_POOL_SIZE: '2', ...issuer.env() }),
    });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  // Response bodies are what the test inspects: typed loosely on purpose.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Json = any;

  async function problemOf(response: Response): Promise<Json> {
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return response.json();
  }

  it('runs the migrations it was given (never synchronize)', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
      expect(rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(['es_events', 'es_snapshots', 'migrations']));
    } finally {
      await client.end();
    }
  });

  it('accepts a valid body as a DTO and gives the command its metadata', async () => {
    const response = await post('/probes', JSON.stringify(validBody), { 'x-correlation-id': 'corr-123' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-correlation-id')).toBe('corr-123');
    const body: Json = await response.json();
    expect(body).toMatchObject({ received: validBody, isDto: true });
    expect(body.metadata).toEqual({ correlationId: 'corr-123', causationId: null, actor: { id: 'anonymous', role: 'anonymous' }, occurredAt: expect.any(String) });
    expect(Math.abs(Date.parse(body.metadata.occurredAt) - Date.now())).toBeLessThan(10_000);
  });

  describe('access', () => {
    const consumerId = 'c0ffee00-0000-4000-8000-000000000001';
    const signed = async (headers: Record<string, string>) => post('/signed-probes', JSON.stringify({ consumerId }), headers);

    it('records the verified token’s user as the actor, never what X-Actor-* headers claim', async () => {
      const token = await issuer.bearer({ role: 'consumer', sub: 'user-7', consumerId });
      const response = await signed({ ...token, 'x-actor-id': 'boss', 'x-actor-role': 'admin' });
      expect(response.status).toBe(201);
      expect(((await response.json()) as Json).metadata.actor).toEqual({ id: 'user-7', role: 'consumer', consumerId });
    });

    it('answers 401 problem+json with WWW-Authenticate without a token, with a bad one, and X-Actor-* headers change nothing', async () => {
      const without = await signed({ 'x-actor-id': 'boss', 'x-actor-role': 'admin' });
      expect(without.status).toBe(401);
      expect(without.headers.get('www-authenticate')).toBe('Bearer');
      expect((await problemOf(without)).code).toBe('AUTH.UNAUTHENTICATED');
      const tampered = await signed({ authorization: 'Bearer e30.e30.c2ln' });
      expect(tampered.status).toBe(401);
      expect(tampered.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    });

    it("answers 403 for another consumer's resource and for an admin route", async () => {
      const other = await issuer.bearer({ role: 'consumer', consumerId: 'c0ffee00-0000-4000-8000-000000000002' });
      expect((await problemOf(await signed(other))).code).toBe('AUTH.FORBIDDEN');
      const admin = await fetch(`${baseUrl}/signed-probes/admin`, { headers: other });
      expect(admin.status).toBe(403);
      const asAdmin = await fetch(`${baseUrl}/signed-probes/admin`, { headers: await issuer.bearer({ role: 'admin' }) });
      expect(asAdmin.status).toBe(200);
    });

    it('refuses a route that declares no policy, even to an admin', async () => {
      const response = await fetch(`${baseUrl}/signed-probes/forgotten`, { headers: await issuer.bearer({ role: 'admin' }) });
      expect(response.status).toBe(403);
      expect((await problemOf(response)).code).toBe('AUTH.NO_POLICY');
    });

    it('names the policy of every operation in the OpenAPI document', async () => {
      const document: Json = await (await fetch(`${baseUrl}/docs-json`)).json();
      expect(document.paths['/signed-probes'].post['x-access']).toBe('admin, consumer (own body.consumerId)');
      expect(document.paths['/signed-probes/admin'].get['x-access']).toBe('admin');
      expect(document.paths['/probes'].post['x-access']).toBe('public');
      expect(document.paths['/signed-probes/forgotten'].get['x-access']).toBeUndefined();
    });
  });

  it('generates a correlation id when none (or a bad one) is given, and the actor is anonymous', async () => {
    const response = await post('/probes', JSON.stringify(validBody), { 'x-correlation-id': 'not an id!' });
    const generated = response.headers.get('x-correlation-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const body: Json = await response.json();
    expect(body.metadata).toMatchObject({ correlationId: generated, actor: { id: 'anonymous', role: 'anonymous' } });
  });

  it("uses the correlation id as the request's id, which the access log line carries", async () => {
    const response = await post('/probes', JSON.stringify(validBody), { 'x-correlation-id': 'corr-log-1' });
    // request.raw.id is what middie gives pino-http as req.id for the request's log line.
    expect(await response.json()).toMatchObject({ requestId: 'corr-log-1', logId: 'corr-log-1' });
  });

  it('answers malformed JSON with 400 REQUEST.MALFORMED_JSON', async () => {
    const response = await post('/probes', '{"name": "Ajanta",', { 'x-correlation-id': 'corr-json' });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-correlation-id')).toBe('corr-json');
    expect(await problemOf(response)).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_JSON', instance: '/probes', correlationId: 'corr-json' });
  });

  it('answers a body over the limit with 413 REQUEST.BODY_TOO_LARGE', async () => {
    const response = await post('/probes', JSON.stringify({ ...validBody, name: 'x'.repeat(150 * 1024) }));
    expect(response.status).toBe(413);
    expect(await problemOf(response)).toMatchObject({ status: 413, code: 'REQUEST.BODY_TOO_LARGE' });
  });

  it('names an extra field', async () => {
    const response = await post('/probes', JSON.stringify({ ...validBody, isAdmin: true }));
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ code: 'REQUEST.VALIDATION', errors: [{ field: 'isAdmin', message: 'is not an accepted field' }] });
  });

  it('names a nested bad field by its full path', async () => {
    const response = await post('/probes', JSON.stringify({ ...validBody, address: { street1: '1 Main St' }, menu: [{ name: 'Curry', priceCents: -5 }] }));
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.code).toBe('REQUEST.VALIDATION');
    expect(problem.errors.map((error: { field: string }) => error.field).sort()).toEqual(['address.city', 'menu.0.priceCents']);
  });

  it('refuses wrong types rather than converting them', async () => {
    const response = await post('/probes', JSON.stringify({ ...validBody, quantity: '5' }));
    expect(response.status).toBe(400);
    const { errors } = await problemOf(response);
    expect(new Set(errors.map((error: { field: string }) => error.field))).toEqual(new Set(['quantity']));
    expect(errors).toContainEqual({ field: 'quantity', message: 'must be an integer number' });
  });

  it('refuses a body that is not JSON as an unsupported media type', async () => {
    const response = await post('/probes', 'name=Ajanta', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
    expect(await problemOf(response)).toMatchObject({ code: 'REQUEST.UNSUPPORTED_BODY', detail: 'The request body must be application/json.' });
  });

  it('takes an empty JSON body for no body: validation then names the missing body', async () => {
    const response = await post('/probes', '');
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ code: 'REQUEST.VALIDATION', errors: [{ field: 'body', message: expect.any(String) }] });
  });

  it('refuses a malformed id, naming the parameter', async () => {
    const bad = await fetch(`${baseUrl}/probes/42`);
    expect(bad.status).toBe(400);
    expect(await problemOf(bad)).toMatchObject({ code: 'REQUEST.VALIDATION', errors: [{ field: 'id', message: 'must be a UUID' }] });
    const good = await fetch(`${baseUrl}/probes/3f2504e0-4f89-11d3-9a0c-0305e82c3301`);
    expect(good.status).toBe(200);
  });

  it.each([
    ['validation', 400, 'PROBES.PROBE.VALIDATION'],
    ['not-found', 404, 'PROBES.PROBE.NOT_FOUND'],
    ['conflict', 409, 'PROBES.PROBE.CONFLICT'],
    ['rule', 422, 'PROBES.PROBE.RULE'],
  ])('maps a %s DomainError to %i with its code', async (kind, status, code) => {
    const response = await fetch(`${baseUrl}/probes/fail/domain?kind=${kind}`);
    expect(response.status).toBe(status);
    expect(await problemOf(response)).toMatchObject({ status, code, detail: `Probe refused (${kind})`, instance: '/probes/fail/domain' });
  });

  it('maps a ConcurrencyError to 409 EVENT_STORE.CONCURRENCY', async () => {
    const response = await fetch(`${baseUrl}/probes/fail/concurrency`);
    expect(response.status).toBe(409);
    expect(await problemOf(response)).toMatchObject({ code: 'EVENT_STORE.CONCURRENCY' });
  });

  it('answers an unknown error with 500 INTERNAL and leaks nothing', async () => {
    const response = await fetch(`${baseUrl}/probes/fail/unknown`, { headers: { 'x-correlation-id': 'corr-500' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: 500, code: 'INTERNAL', correlationId: 'corr-500' });
    expect(text).not.toMatch(/hunter2|postgres:|secret|at .*\.ts/);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await fetch(`${baseUrl}/nowhere`);
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({ code: 'HTTP.NOT_FOUND' });
  });

  it('is healthy when the database and every indicator are up', async () => {
    for (const path of ['/health', '/health/ready']) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, switch: { status: 'up' }, alwaysUp: { status: 'up' } } });
      expectNoServerIn(body);
    }
  });

  /** /health is public: no server URL, address or credential in it, whatever an indicator reported. */
  function expectNoServerIn(body: string): void {
    for (const secret of [PROBE_SERVER, '10.9.8.7', 's3cret', 'nats://', database.url, new URL(database.url).host]) expect(body).not.toContain(secret);
  }

  it('is not ready (503) when an indicator is down, but still alive', async () => {
    const indicator = app.get(SwitchableIndicator);
    indicator.up = false;
    try {
      const ready = await fetch(`${baseUrl}/health`);
      expect(ready.status).toBe(503);
      const problem = await problemOf(ready);
      expect(problem).toMatchObject({ status: 503, code: 'HEALTH.UNAVAILABLE', error: { switch: { status: 'down' } }, info: { database: { status: 'up' } } });
      expectNoServerIn(JSON.stringify(problem));
      const live = await fetch(`${baseUrl}/health/live`);
      expect(live.status).toBe(200);
    } finally {
      indicator.up = true;
    }
  });

  it('serves the OpenAPI document and the UI', async () => {
    const json = await fetch(`${baseUrl}/docs-json`);
    expect(json.status).toBe(200);
    const document: Json = await json.json();
    expect(document.info).toMatchObject({ title: 'probe', version: '9.9.9' });
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/probes', '/probes/{id}', '/health']));
    const ui = await fetch(`${baseUrl}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});

describe('bootstrapService with an invalid environment', () => {
  it('exits 1 naming every bad variable once, on a line of its own, with no stack trace', async () => {
    const root = join(__dirname, '../../../..');
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [join(root, 'scripts/run-ts.mjs'), join(__dirname, 'fixtures/invalid-env.main.ts')],
        { cwd: root, env: { PATH: process.env.PATH, PORT: 'eighty', LOG_LEVEL: 'loud', NATS_SUBJECT_PREFIX: 'x' }, timeout: 60_000 },
        (_error, _stdout, stderrText) => resolve({ code: child.exitCode, stderr: stderrText }),
      );
    });
    expect(code).toBe(1);
    expect(stderr).toContain('invalid-env failed to start');
    for (const variable of ['DATABASE_URL: is required', 'PORT:', 'LOG_LEVEL:', 'NATS_SUBJECT_PREFIX:']) {
      expect(stderr.split('\n').filter((line) => line.trim().startsWith(`- ${variable}`))).toHaveLength(1);
    }
    // Nest reports a failed start with the error's stack; an invalid environment is the caller's to report.
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
