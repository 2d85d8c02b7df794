import { randomUUID } from 'node:crypto';
import { call, HttpAnswer, OrderHistoryApp, startOrderHistoryApp } from './order-history-app';
import { at, menuItem, menuRevised, PLACED_AT, restaurantCreated } from './order-story';

describe('order-history: GET /search/restaurants, ranked full-text search over names and menu items', () => {
  let app: OrderHistoryApp;
  const margherita = menuItem('Margherita', 1250);
  const napoletana = menuItem('Pizza Napoletana', 1350);
  const vindaloo = menuItem('Chicken Vindaloo', 1299);
  const naan = menuItem('Garlic Naan', 399);
  const restaurants = { pizzaRoma: randomUUID(), pizzeriaBella: randomUUID(), napoli: randomUUID(), ajanta: randomUUID() };

  beforeAll(async () => {
    app = await startOrderHistoryApp();
    const created = [
      restaurantCreated(restaurants.pizzaRoma, PLACED_AT, { name: 'Pizza Roma', menu: [margherita, menuItem('Quattro Formaggi', 1450)] }),
      restaurantCreated(restaurants.pizzeriaBella, PLACED_AT, { name: 'Pizzeria Bella', menu: [menuItem('Tiramisu', 650)] }),
      restaurantCreated(restaurants.napoli, PLACED_AT, { name: 'Napoli Express', menu: [napoletana, menuItem('Calzone', 1150)] }),
      restaurantCreated(restaurants.ajanta, PLACED_AT, { name: 'Ajanta', menu: [vindaloo, naan] }),
    ];
    for (const e of created) await app.deliver(e);
  });

  afterAll(async () => {
    await app?.close();
  });

  const search = (query: string) => call(app, 'GET', `/search/restaurants${query}`);
  const namesOf = (answer: HttpAnswer): string[] => answer.body.items.map((hit: { name: string }) => hit.name);

  it('a prefix finds restaurants by name and by menu item; a name match ranks above a menu-item-only match', async () => {
    const answer = await search('?q=piz');

    expect(answer.status).toBe(200);
    expect(namesOf(answer)).toEqual(['Pizza Roma', 'Pizzeria Bella', 'Napoli Express']);
    const [roma, bella, napoli] = answer.body.items;
    expect(roma.rank).toBe(bella.rank);
    expect(bella.rank).toBeGreaterThan(napoli.rank);
    expect(napoli).toEqual({ restaurantId: restaurants.napoli, name: 'Napoli Express', open: false, rank: napoli.rank, matchingMenuItems: [napoletana] });
    expect(roma.matchingMenuItems).toEqual([]);
  });

  it('matches case-insensitively, every word as a prefix, and all words must match', async () => {
    expect(namesOf(await search('?q=VIND'))).toEqual(['Ajanta']);
    expect((await search('?q=gar%20na')).body.items[0].matchingMenuItems).toEqual([naan]);
    expect(namesOf(await search('?q=marg%20roma'))).toEqual(['Pizza Roma']);
    expect(namesOf(await search('?q=garlic%20pizza'))).toEqual([]);
    expect(namesOf(await search('?q=zzz'))).toEqual([]);
  });

  it('limit caps the results', async () => {
    expect(namesOf(await search('?q=piz&limit=1'))).toEqual(['Pizza Roma']);
  });

  it('follows menu revisions, also one applied before the restaurant\'s creation', async () => {
    await app.deliver(menuRevised(restaurants.ajanta, 2, at(PLACED_AT, 1000), [naan]));
    expect(namesOf(await search('?q=vind'))).toEqual([]);

    const late = randomUUID();
    const lassi = menuItem('Mango Lassi', 450);
    await app.deliver(menuRevised(late, 2, at(PLACED_AT, 2000), [lassi]));
    expect(namesOf(await search('?q=mango'))).toEqual([]); // a restaurant without a name is not shown yet
    await app.deliver(restaurantCreated(late, at(PLACED_AT, 1000), { name: 'Lassi Bar', menu: [menuItem('Plain Lassi', 300)] }));

    const answer = await search('?q=lassi');
    expect(namesOf(answer)).toEqual(['Lassi Bar']);
    expect(answer.body.items[0].matchingMenuItems).toEqual([lassi]);
    expect(namesOf(await search('?q=plain'))).toEqual([]);
  });

  it.each([
    ['a missing q', '', 'q'],
    ['a q without a letter or digit', '?q=%26%7C!', 'q'],
    ['a q given twice', '?q=a&q=b', 'q'],
    ['a q longer than 100 characters', `?q=${'a'.repeat(101)}`, 'q'],
    ['a limit of 0', '?q=piz&limit=0', 'limit'],
    ['a limit above 100', '?q=piz&limit=101', 'limit'],
    ['a limit that is not a whole number', '?q=piz&limit=2.5', 'limit'],
    ['a parameter it does not know', '?q=piz&sort=name', 'sort'],
  ])('refuses %s ("%s") with a 400 problem naming %s', async (_case, query, field) => {
    const answer = await search(query);
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body.code).toBe('REQUEST.VALIDATION');
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
