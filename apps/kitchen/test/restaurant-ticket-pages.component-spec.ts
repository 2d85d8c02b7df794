import { as, CallTarget } from '@brigade/component-testing';
import { call, KitchenApp, startKitchenApp } from './kitchen-app';
import { OrderFixture, RestaurantFixture } from './kitchen-fixtures';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

interface Page {
  items: Array<{ orderId: string; state: string }>;
  nextCursor: string | null;
}

// A restaurant's tickets a page at a time: oldest first, `limit` per page (20 unless asked, at
// most 100), each page naming the cursor of the next until the last one.
describe('kitchen service: a restaurant’s tickets, page by page', () => {
  let app: KitchenApp;
  let restaurant: RestaurantFixture;
  let staff: CallTarget;
  /** The restaurant's tickets in the order they were created. */
  const created: string[] = [];

  beforeAll(async () => {
    app = await startKitchenApp();
    restaurant = new RestaurantFixture(app);
    await restaurant.created();
    await restaurant.opened();
    staff = as(app, await app.environment.issuer.bearer({ role: 'restaurant', restaurantId: restaurant.restaurantId }));
    // One after the other, so creation order is known; every other one approved (AWAITING_ACCEPTANCE).
    for (let index = 0; index < 25; index++) {
      const order = new OrderFixture(app, restaurant.restaurantId);
      await app.consumed(await order.created());
      if (index % 2 === 0) await app.consumed(await order.approved());
      created.push(order.orderId);
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  async function page(query: string): Promise<Page> {
    const answer = await call(staff, 'GET', `/restaurants/${restaurant.restaurantId}/tickets${query}`);
    expect(answer.status).toBe(200);
    return answer.body;
  }

  /** Every page from the one at `cursor` (the first without it), following nextCursor. */
  async function allPages(query: string, cursor?: string | null): Promise<Page[]> {
    const pages = [await page(cursor ? `?${query}&cursor=${cursor}` : `?${query}`)];
    for (let next = pages[0].nextCursor; next !== null; next = pages[pages.length - 1].nextCursor) {
      pages.push(await page(`?${query}&cursor=${next}`));
    }
    return pages;
  }

  it('answers 20 tickets, the oldest first, and a cursor to the rest when no limit is given', async () => {
    const first = await page('');
    expect(first.items.map((t) => t.orderId)).toEqual(created.slice(0, 20));
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = await page(`?cursor=${first.nextCursor}`);
    expect(rest).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(rest.items.map((t) => t.orderId)).toEqual(created.slice(20));
  });

  it('walks every ticket once, in creation order, `limit` at a time; the last page says so with a null cursor', async () => {
    const pages = await allPages('limit=7');
    expect(pages.map((p) => p.items.length)).toEqual([7, 7, 7, 4]);
    expect(pages.flatMap((p) => p.items.map((t) => t.orderId))).toEqual(created);
    expect((await page('?limit=25')).nextCursor).toBeNull();
    expect((await page('?limit=100')).items.map((t) => t.orderId)).toEqual(created);
  });

  it('pages a state filter the same way', async () => {
    const awaiting = created.filter((_, index) => index % 2 === 0);
    const pages = await allPages('state=AWAITING_ACCEPTANCE&limit=5');
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 3]);
    expect(pages.flatMap((p) => p.items.map((t) => t.orderId))).toEqual(awaiting);
    expect(pages.flatMap((p) => p.items).every((t) => t.state === 'AWAITING_ACCEPTANCE')).toBe(true);
  });

  it('keeps its place when tickets change and new ones arrive between pages: none skipped, none repeated', async () => {
    const first = await page('?limit=10');
    expect((await call(staff, 'POST', `/tickets/${created[0]}/accept`, { readyBy: inAnHour() })).status).toBe(200);
    const late = new OrderFixture(app, restaurant.restaurantId);
    await app.consumed(await late.created());

    const rest = await allPages('limit=10', first.nextCursor);

    expect([...first.items, ...rest.flatMap((p) => p.items)].map((t) => t.orderId)).toEqual([...created, late.orderId]);
    created.push(late.orderId);
  });
});
