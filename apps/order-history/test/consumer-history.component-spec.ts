import { randomUUID } from 'node:crypto';
import { call, HttpAnswer, OrderHistoryApp, startOrderHistoryApp } from './order-history-app';
import { at, consumerRegistered, lineOf, menuItem, orderApproved, orderCreated, orderRejected, PLACED_AT, restaurantCreated } from './order-story';

describe("order-history: a consumer's orders, newest first, filtered, searched and paged", () => {
  let app: OrderHistoryApp;
  const consumerId = randomUUID();
  const margherita = menuItem('Margherita', 1250);
  const formaggi = menuItem('Quattro Formaggi', 1450);
  const vindaloo = menuItem('Chicken Vindaloo', 1299);
  const naan = menuItem('Garlic Naan', 399);
  const nigiri = menuItem('Salmon Nigiri', 900);
  const pizzaRoma = randomUUID();
  const ajanta = randomUUID();
  /** Its restaurant-created event arrives only in the search test, after its order. */
  const sushiZen = randomUUID();
  const hour = (h: number) => at(PLACED_AT, h * 3_600_000);
  const ordered = {
    first: orderCreated(hour(-4), { consumerId, restaurantId: pizzaRoma }, [lineOf(margherita, 2)]),
    rejected: orderCreated(hour(-3), { consumerId, restaurantId: ajanta }, [lineOf(vindaloo)]),
    // Two orders placed in the same instant: the one with the greater id is listed first.
    sameTimeA: orderCreated(hour(-2), { consumerId, restaurantId: pizzaRoma }, [lineOf(formaggi)]),
    sameTimeB: orderCreated(hour(-2), { consumerId, restaurantId: sushiZen }, [lineOf(nigiri, 3)]),
    latest: orderCreated(hour(-1), { consumerId, restaurantId: ajanta }, [lineOf(naan, 2)]),
  };
  const [sameTimeFirst, sameTimeSecond] = [ordered.sameTimeA, ordered.sameTimeB].sort((a, b) => (a.payload.orderId < b.payload.orderId ? 1 : -1));
  /** Newest first. */
  const expectedOrder = [ordered.latest, sameTimeFirst, sameTimeSecond, ordered.rejected, ordered.first].map((e) => e.payload.orderId);
  const idOf = (e: { payload: { orderId: string } }) => e.payload.orderId;

  beforeAll(async () => {
    app = await startOrderHistoryApp();
    await app.deliver(restaurantCreated(pizzaRoma, hour(-100), { name: 'Pizza Roma', menu: [margherita, formaggi] }));
    await app.deliver(restaurantCreated(ajanta, hour(-100), { name: 'Ajanta', menu: [vindaloo, naan] }));
    await app.deliver(consumerRegistered(consumerId, hour(-50)));
    for (const e of Object.values(ordered)) await app.deliver(e);
    await app.deliver(orderApproved(ordered.first, hour(-3.9)));
    await app.deliver(orderRejected(ordered.rejected, hour(-2.9), 'kitchen: restaurant is closed'));
    await app.deliver(orderApproved(ordered.sameTimeA, hour(-1.9)));
    await app.deliver(orderApproved(ordered.latest, hour(-0.9)));
    // Another consumer's order at the same restaurant is never listed.
    await app.deliver(orderCreated(hour(0), { restaurantId: pizzaRoma }, [lineOf(margherita)]));
  });

  afterAll(async () => {
    await app?.close();
  });

  const history = (query = '', consumer = consumerId) => call(app, 'GET', `/order-history/consumers/${consumer}/orders${query}`);
  const idsIn = (answer: HttpAnswer): string[] => answer.body.items.map((item: { orderId: string }) => item.orderId);

  /** Follows nextCursor from the first page to the last; answers every page's ids. */
  async function allPages(query: string, consumer = consumerId): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const answer = await history(`${query}${cursor ? `&cursor=${cursor}` : ''}`, consumer);
      expect(answer.status).toBe(200);
      pages.push(idsIn(answer));
      cursor = answer.body.nextCursor;
    } while (cursor !== null && pages.length < 10);
    return pages;
  }

  it('lists newest first (placedAt, then order id), each order with its restaurant name, lines, total and state', async () => {
    const answer = await history();

    expect(answer.status).toBe(200);
    expect(idsIn(answer)).toEqual(expectedOrder);
    expect(answer.body.nextCursor).toBeNull();
    expect(answer.body.items[0]).toEqual({
      orderId: idOf(ordered.latest),
      restaurantId: ajanta,
      restaurantName: 'Ajanta',
      lineItems: [lineOf(naan, 2)],
      orderTotalCents: 798,
      placedAt: hour(-1),
      state: 'APPROVED',
      rejectionReason: null,
      ticketState: null,
      paymentState: null,
      deliveryState: null,
    });
    expect(answer.body.items[3]).toMatchObject({ state: 'REJECTED', rejectionReason: 'kitchen: restaurant is closed' });
  });

  it('filters by status', async () => {
    expect(idsIn(await history('?status=APPROVED'))).toEqual([ordered.latest, ordered.sameTimeA, ordered.first].map(idOf));
    expect(idsIn(await history('?status=REJECTED'))).toEqual([idOf(ordered.rejected)]);
    expect(idsIn(await history('?status=APPROVAL_PENDING'))).toEqual([idOf(ordered.sameTimeB)]);
  });

  it('searches restaurant and item names by prefix, every word required, combined with status', async () => {
    expect(idsIn(await history('?q=piz'))).toEqual([ordered.sameTimeA, ordered.first].map(idOf));
    expect(idsIn(await history('?q=VIND'))).toEqual([idOf(ordered.rejected)]);
    expect(idsIn(await history('?q=roma%20quat'))).toEqual([idOf(ordered.sameTimeA)]);
    expect(idsIn(await history('?q=ajanta&status=APPROVED'))).toEqual([idOf(ordered.latest)]);
    expect(idsIn(await history('?q=nigiri'))).toEqual([idOf(ordered.sameTimeB)]);
  });

  it('finds an order by its restaurant name once the restaurant arrives, after the order', async () => {
    expect(idsIn(await history('?q=sushi'))).toEqual([]);

    await app.deliver(restaurantCreated(sushiZen, hour(-100), { name: 'Sushi Zen', menu: [nigiri] }));

    const answer = await history('?q=sushi');
    expect(idsIn(answer)).toEqual([idOf(ordered.sameTimeB)]);
    expect(answer.body.items[0].restaurantName).toBe('Sushi Zen');
  });

  it('pages through with the cursor: no gap, no repeat, nextCursor null on the last page, also with a filter', async () => {
    const pages = await allPages('?limit=2');
    expect(pages).toEqual([expectedOrder.slice(0, 2), expectedOrder.slice(2, 4), expectedOrder.slice(4)]);

    expect(await allPages('?status=APPROVED&limit=1')).toEqual([ordered.latest, ordered.sameTimeA, ordered.first].map((e) => [idOf(e)]));
    expect(await allPages('?limit=5')).toEqual([expectedOrder]);
  });

  it('an order placed while paging appears on the first page, never shifting the later ones', async () => {
    const first = await history('?limit=2');
    const newer = orderCreated(hour(1), { consumerId, restaurantId: ajanta }, [lineOf(naan)]);
    await app.deliver(newer);

    const second = await history(`?limit=2&cursor=${first.body.nextCursor}`);

    expect(idsIn(second)).toEqual(expectedOrder.slice(2, 4));
    expect(idsIn(await history('?limit=1'))).toEqual([idOf(newer)]);
  });

  it('pages orders placed a microsecond apart without losing one: the cursor keeps placedAt to the microsecond', async () => {
    const other = randomUUID();
    const micro = (n: number) => `2026-11-27T09:00:00.12345${n}Z`;
    const orders = [1, 2, 3].map((n) => orderCreated(micro(n), { consumerId: other, restaurantId: ajanta }, [lineOf(naan)]));
    for (const e of orders) await app.deliver(e);

    expect(await allPages('?limit=1', other)).toEqual([...orders].reverse().map((e) => [idOf(e)]));
  });

  it('a consumer without orders: an empty page', async () => {
    const answer = await history('', randomUUID());
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['a consumerId that is not a UUID', '/order-history/consumers/not-a-uuid/orders', 'consumerId'],
    ['an unknown status', '?status=COOKING', 'status'],
    ['a lower-case status', '?status=approved', 'status'],
    ['a cursor this service never made', '?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['a cursor with characters outside base64url', '?cursor=%2F%2F%2F', 'cursor'],
    ['a limit of 0', '?limit=0', 'limit'],
    ['a limit above 100', '?limit=101', 'limit'],
    ['a limit that is not a number', '?limit=ten', 'limit'],
    ['a q without a letter or digit', '?q=***', 'q'],
    ['a parameter it does not know', '?sort=oldest', 'sort'],
  ])('refuses %s ("%s") with a 400 problem naming %s', async (_case, pathOrQuery, field) => {
    const answer = pathOrQuery.startsWith('/') ? await call(app, 'GET', pathOrQuery) : await history(pathOrQuery);
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('GET /health is 200 with the database and NATS up; /docs-json documents the routes and their parameters', async () => {
    const health = await call(app, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, nats: { status: 'up' } } });

    const { paths } = (await call(app, 'GET', '/docs-json')).body;
    expect(paths['/order-history/orders/{orderId}'].get.responses).toHaveProperty('404');
    expect(paths['/order-history/consumers/{consumerId}/orders'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['consumerId', 'status', 'q', 'cursor', 'limit']),
    );
    expect(paths['/search/restaurants'].get.responses).toHaveProperty('400');
  });
});
