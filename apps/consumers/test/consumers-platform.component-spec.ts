import { call, ConsumersApp, startConsumersApp } from './consumers-app';

describe('consumers service: health and OpenAPI', () => {
  let app: ConsumersApp;

  beforeAll(async () => {
    app = await startConsumersApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('GET /health is 200 with the database and NATS up', async () => {
    const health = await call(app, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, nats: { status: 'up' } } });
  });

  it('GET /docs-json documents every consumers route with its answers', async () => {
    const docs = await call(app, 'GET', '/docs-json');
    expect(docs.status).toBe(200);
    const paths = docs.body.paths;
    expect(paths['/consumers'].post.responses).toHaveProperty('201');
    expect(paths['/consumers/{consumerId}'].get.responses).toHaveProperty('404');
    expect(paths['/consumers/{consumerId}/suspend'].post.responses).toHaveProperty('409');
    expect(paths['/consumers/{consumerId}/reactivate'].post.responses).toHaveProperty('409');
    expect(docs.body.components.schemas.RegisterConsumerRequest.required).toEqual(expect.arrayContaining(['name', 'email']));
  });
});
