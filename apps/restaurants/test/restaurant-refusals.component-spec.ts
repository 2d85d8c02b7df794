import { aCreateRestaurantBody, aMenuItemBody, aSecondMenuItemBody, without } from './restaurant-requests';
import { call, HttpAnswer, RestaurantsApp, startRestaurantsApp } from './restaurants-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('restaurants service: bad input and illegal transitions are refused and write nothing', () => {
  let app: RestaurantsApp;
  let existingId: string;

  beforeAll(async () => {
    app = await startRestaurantsApp();
    const created = await call(app, 'POST', '/restaurants', aCreateRestaurantBody());
    expect(created.status).toBe(201);
    existingId = created.body.restaurantId;
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Sends the request and checks that not a single event was stored because of it. */
  async function refused(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    const before = await app.storedEventCount();
    const answer = await call(app, method, path, body);
    expect(await app.storedEventCount()).toBe(before);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    return answer;
  }

  function fieldsOf(answer: HttpAnswer): string[] {
    return (answer.body.errors ?? []).map((e: { field: string }) => e.field);
  }

  const menuWith = (change: Record<string, unknown>) => ({ menu: [aMenuItemBody(change)] });

  describe('POST /restaurants', () => {
    it('refuses malformed JSON', async () => {
      const answer = await refused('POST', '/restaurants', '{"name": "Ajanta",');
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.MALFORMED_JSON');
    });

    it('refuses a body that is not an object', async () => {
      const answer = await refused('POST', '/restaurants', [aCreateRestaurantBody()]);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer)).toContain('body');
    });

    it.each([
      ['a missing name', without(aCreateRestaurantBody(), 'name'), 'name'],
      ['a missing address', without(aCreateRestaurantBody(), 'address'), 'address'],
      ['a missing menu', without(aCreateRestaurantBody(), 'menu'), 'menu'],
      ['a missing zip', aCreateRestaurantBody({ address: { street1: '1 Main Street', city: 'Oakland' } }), 'address.zip'],
      ['an extra field', aCreateRestaurantBody({ rating: 5 }), 'rating'],
      ['an extra field in a menu item', aCreateRestaurantBody({ menu: [aMenuItemBody({ costCents: 1 })] }), 'menu.0.costCents'],
      ['a name of the wrong type', aCreateRestaurantBody({ name: 42 }), 'name'],
      ['a blank name', aCreateRestaurantBody({ name: '   ' }), 'name'],
      ['an address that is a string', aCreateRestaurantBody({ address: '1 Main Street' }), 'address'],
      ['a menu that is not an array', aCreateRestaurantBody({ menu: aMenuItemBody() }), 'menu'],
      ['an empty menu', aCreateRestaurantBody({ menu: [] }), 'menu'],
      ['a negative price', aCreateRestaurantBody(menuWith({ priceCents: -1 })), 'menu.0.priceCents'],
      ['a fractional price', aCreateRestaurantBody(menuWith({ priceCents: 12.5 })), 'menu.0.priceCents'],
      ['a huge price', aCreateRestaurantBody(menuWith({ priceCents: 1e15 })), 'menu.0.priceCents'],
      ['a price just above the limit', aCreateRestaurantBody(menuWith({ priceCents: 1_000_001 })), 'menu.0.priceCents'],
      ['a price sent as a string', aCreateRestaurantBody(menuWith({ priceCents: '1299' })), 'menu.0.priceCents'],
      ['an empty menu item name', aCreateRestaurantBody(menuWith({ name: '' })), 'menu.0.name'],
      ['a menu item id that is not a UUID', aCreateRestaurantBody(menuWith({ menuItemId: 'naan' })), 'menu.0.menuItemId'],
      [
        'a duplicate menuItemId',
        aCreateRestaurantBody({ menu: [aMenuItemBody(), aSecondMenuItemBody({ menuItemId: aMenuItemBody().menuItemId })] }),
        'menu',
      ],
    ])('refuses %s with a 400 naming the field', async (_case, body, field) => {
      const answer = await refused('POST', '/restaurants', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION' });
      expect(fieldsOf(answer)).toContain(field);
    });
  });

  describe('PUT /restaurants/:id/menu', () => {
    it.each([
      ['a missing menu', {}, 'menu'],
      ['an extra field', { menu: [aMenuItemBody()], name: 'x' }, 'name'],
      ['a negative price', menuWith({ priceCents: -5 }), 'menu.0.priceCents'],
      ['a fractional price', menuWith({ priceCents: 0.5 }), 'menu.0.priceCents'],
      ['a duplicate menuItemId', { menu: [aMenuItemBody(), aMenuItemBody({ name: 'Other' })] }, 'menu'],
    ])('refuses %s with a 400 naming the field', async (_case, body, field) => {
      const answer = await refused('PUT', `/restaurants/${existingId}/menu`, body);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer)).toContain(field);
    });

    it('answers 404 for an unknown restaurant', async () => {
      const answer = await refused('PUT', `/restaurants/${UNKNOWN_ID}/menu`, { menu: [aMenuItemBody()] });
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('RESTAURANTS.RESTAURANT.NOT_FOUND');
    });
  });

  describe('ids in the path', () => {
    it.each([
      ['GET', '/restaurants/not-a-uuid'],
      ['PUT', '/restaurants/not-a-uuid/menu'],
      ['POST', '/restaurants/not-a-uuid/open'],
      ['POST', '/restaurants/not-a-uuid/close'],
    ])('%s %s refuses a non-UUID id with a 400 naming restaurantId', async (method, path) => {
      const answer = await refused(method, path, method === 'PUT' ? { menu: [aMenuItemBody()] } : undefined);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer)).toEqual(['restaurantId']);
    });

    it.each([
      ['GET', `/restaurants/${UNKNOWN_ID}`],
      ['POST', `/restaurants/${UNKNOWN_ID}/open`],
      ['POST', `/restaurants/${UNKNOWN_ID}/close`],
    ])('%s %s answers 404 RESTAURANTS.RESTAURANT.NOT_FOUND', async (method, path) => {
      const answer = await refused(method, path);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ status: 404, code: 'RESTAURANTS.RESTAURANT.NOT_FOUND' });
    });
  });

  describe('illegal transitions', () => {
    it('refuses to close a restaurant that has never been opened (409 ALREADY_CLOSED)', async () => {
      const answer = await refused('POST', `/restaurants/${existingId}/close`);
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('RESTAURANTS.RESTAURANT.ALREADY_CLOSED');
    });

    it('refuses to open a restaurant twice (409 ALREADY_OPEN)', async () => {
      const created = await call(app, 'POST', '/restaurants', aCreateRestaurantBody());
      expect((await call(app, 'POST', `/restaurants/${created.body.restaurantId}/open`)).status).toBe(200);

      const answer = await refused('POST', `/restaurants/${created.body.restaurantId}/open`);

      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ code: 'RESTAURANTS.RESTAURANT.ALREADY_OPEN', details: { restaurantId: created.body.restaurantId } });
    });
  });
});
