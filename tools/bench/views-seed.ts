/**
 * Fills the order-history app's active tables straight through SQL, in bulk (unnest of arrays,
 * some thousands of rows per statement): publishing 100,000 orders' ~900,000 events through the
 * live consumers would take the better part of an hour on two cores (they apply a few hundred
 * events a second), and what the queries are measured on is the same rows either way. The rows are
 * what the projections write (same columns, versions, names joined at read time); the timeline is
 * left out, as no measured query reads it.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { DISHES, FIRST_NAMES, LAST_NAMES, Random, restaurantName } from './views-vocabulary';

export interface SeedTables {
  readonly orders: string;
  readonly restaurants: string;
  readonly consumers: string;
}

export interface Seeded {
  readonly restaurantIds: string[];
  readonly consumerIds: string[];
  readonly orderIds: string[];
}

interface MenuItem {
  readonly menuItemId: string;
  readonly name: string;
  readonly priceCents: number;
}

const CHUNK = 5_000;
const DAY_MS = 86_400_000;

export async function seedViews(
  db: Client,
  tables: SeedTables,
  counts: { restaurants: number; consumers: number; orders: number },
  random: Random,
): Promise<Seeded> {
  const restaurants = Array.from({ length: counts.restaurants }, () => ({
    id: randomUUID(),
    name: restaurantName(random),
    open: random.next() < 0.8,
    menu: random.sample(DISHES, random.int(8, 15)).map((name): MenuItem => ({ menuItemId: randomUUID(), name, priceCents: random.int(300, 3500) })),
  }));
  for (let i = 0; i < restaurants.length; i += CHUNK) {
    const chunk = restaurants.slice(i, i + CHUNK);
    await db.query(
      `INSERT INTO ${tables.restaurants} (restaurant_id, name, name_version, menu, menu_item_names, menu_version, open, open_version)
       SELECT id, name, 1, menu::jsonb, names, 2, open, 3 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::boolean[]) AS r(id, name, menu, names, open)`,
      [
        chunk.map((r) => r.id),
        chunk.map((r) => r.name),
        chunk.map((r) => JSON.stringify(r.menu)),
        chunk.map((r) => r.menu.map((item) => item.name).join(' ')),
        chunk.map((r) => r.open),
      ],
    );
  }

  const consumerIds = Array.from({ length: counts.consumers }, () => randomUUID());
  await db.query(
    `INSERT INTO ${tables.consumers} (consumer_id, first_name, last_name, version)
     SELECT id, first_name, last_name, 1 FROM unnest($1::uuid[], $2::text[], $3::text[]) AS c(id, first_name, last_name)`,
    [consumerIds, consumerIds.map(() => random.pick(FIRST_NAMES)), consumerIds.map(() => random.pick(LAST_NAMES))],
  );

  const orderIds: string[] = [];
  const now = Date.now();
  for (let i = 0; i < counts.orders; i += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, counts.orders - i) }, () => anOrder(random, restaurants, consumerIds, now));
    orderIds.push(...rows.map((row) => row.id));
    await db.query(
      `INSERT INTO ${tables.orders} (order_id, consumer_id, restaurant_id, line_items, item_names, order_total_cents, placed_at, details_version,
         order_state, rejection_reason, order_version, ticket_state, ready_by, ticket_version, payment_state, payment_amount_cents, payment_step,
         version, changed_at)
       SELECT id, consumer_id, restaurant_id, lines::jsonb, names, total, placed_at, 1,
         state, reason, 2, ticket_state, CASE WHEN state = 'APPROVED' THEN placed_at + interval '30 minutes' END, ticket_version, payment_state, total, 1,
         9, placed_at + interval '25 minutes'
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[], $7::timestamptz[], $8::text[], $9::text[],
         $10::text[], $11::int[], $12::text[]) AS o(id, consumer_id, restaurant_id, lines, names, total, placed_at, state, reason,
         ticket_state, ticket_version, payment_state)`,
      [
        rows.map((o) => o.id),
        rows.map((o) => o.consumerId),
        rows.map((o) => o.restaurantId),
        rows.map((o) => JSON.stringify(o.lines)),
        rows.map((o) => o.lines.map((line) => line.name).join(' ')),
        rows.map((o) => o.total),
        rows.map((o) => o.placedAt),
        rows.map((o) => o.state),
        rows.map((o) => o.reason),
        rows.map((o) => o.ticketState),
        rows.map((o) => o.ticketVersion),
        rows.map((o) => o.paymentState),
      ],
    );
  }
  // A database that has been serving for a while has statistics; fresh bulk rows have none yet.
  await db.query(`ANALYZE ${tables.restaurants}, ${tables.consumers}, ${tables.orders}`);
  return { restaurantIds: restaurants.map((r) => r.id), consumerIds, orderIds };
}

/**
 * One order of the past year: most delivered to the counter (ready for pickup), some rejected
 * (ticket cancelled, payment voided), a few still in the kitchen. Lines come from the restaurant's menu.
 */
function anOrder(random: Random, restaurants: ReadonlyArray<{ id: string; menu: MenuItem[] }>, consumerIds: readonly string[], now: number) {
  const restaurant = random.pick(restaurants);
  const lines = random.sample(restaurant.menu, random.int(1, 3)).map((item) => ({ ...item, quantity: random.int(1, 3) }));
  const outcome = random.next();
  const rejected = outcome < 0.07;
  const cooking = !rejected && outcome < 0.1;
  return {
    id: randomUUID(),
    consumerId: random.pick(consumerIds),
    restaurantId: restaurant.id,
    lines,
    total: lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0),
    placedAt: new Date(now - random.next() * 365 * DAY_MS).toISOString(),
    state: rejected ? 'REJECTED' : 'APPROVED',
    reason: rejected ? 'Payment declined: total above the available credit' : null,
    ticketState: rejected ? 'CANCELLED' : cooking ? 'PREPARING' : 'READY_FOR_PICKUP',
    ticketVersion: rejected ? 2 : cooking ? 4 : 5,
    paymentState: rejected ? 'VOIDED' : 'AUTHORIZED',
  };
}
