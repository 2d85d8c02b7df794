import { call, RestaurantsApp, startRestaurantsApp } from './restaurants-app';

describe('restaurants service: health and OpenAPI', () => {
  let app: RestaurantsApp;

  beforeAll(async () => {
    app = await startRestaurantsApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('GET /health is 200 with the database and NATS up', async () => {
    const health = await call(app, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, nats: { status: 'up' } } });
  });

  it('GET /docs-json documents every restaurants route with its answers', async () => {
    const docs = await call(app, 'GET', '/docs-json');
    expect(docs.status).toBe(200);
    const paths = docs.body.paths;
    expect(paths['/restaurants'].post.responses).toHaveProperty('201');
    expect(paths['/restaurants/{restaurantId}'].get.responses).toHaveProperty('404');
    expect(paths['/restaurants/{restaurantId}/menu'].put.responses).toHaveProperty('200');
    expect(paths['/restaurants/{restaurantId}/open'].post.responses).toHaveProperty('409');
    expect(paths['/restaurants/{restaurantId}/close'].post.responses).toHaveProperty('409');
    expect(docs.body.components.schemas.CreateRestaurantRequest.required).toEqual(expect.arrayContaining(['name', 'address', 'menu']));
  });
});
