import { PipelinedStatement, preparedStatementName } from '@brigade/event-store';
import type { OrderViewTables } from '../registry/projection-tables';
import { newerThan, versionAfter } from '../stream-position';
import type { OrderRowChange } from './order-change';

/** Part of the touch: one more change of the row (its `version`), and when. */
const COUNT_CHANGE = 'version = o.version + 1, changed_at = now()';

/** A statement of the view, prepared once per connection. */
const statement = (text: string, values: unknown[]): PipelinedStatement => ({ name: preparedStatementName(text), text, values });

/**
 * The statements that write folded order changes (sorted by order id) into one version of the
 * order view: three at most, each one array per column through unnest, whatever the number of
 * rows and events (a live event is a batch of one). They do not depend on each other's answers:
 * the caller queues them for its transaction's COMMIT (writeAtCommit), in this order.
 *
 * 1. Touch: the rows exist from the first event about the order; ids still missing are filled.
 *    It is an upsert in order-id order, and ON CONFLICT DO UPDATE locks every row it meets even
 *    when it changes nothing: every row of the batch is locked first, in one order, so two
 *    batches (a replay's, a live event's) never wait for each other in a cycle.
 * 2. The timeline: one row per event id, a duplicate is a no-op.
 * 3. Each part (details, decision, ticket, payment, delivery) is written where the change is
 *    newer than the version (the payment and the delivery: the step) the part records; `ready_by` where it differs
 *    (a promise made stays a fact), `placed_at` where it was unknown.
 *    A reason is kept once known, taken from the batch's newest one if its event is newer.
 *
 * Every row version counts its changes (`version`, compared by the Redis cache): the touch adds 1
 * when it fills an id, the parts' update 1 per part written (and 1 for a new `ready_by`).
 */
export function orderRowStatements(t: OrderViewTables, rows: readonly OrderRowChange[]): PipelinedStatement[] {
  if (rows.length === 0) return [];
  const touch = statement(
    `INSERT INTO ${t.orders} AS o (order_id, consumer_id, restaurant_id, version, changed_at)
     SELECT c.order_id, c.consumer_id, c.restaurant_id, 1, now() FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS c(order_id, consumer_id, restaurant_id)
     ON CONFLICT (order_id) DO UPDATE SET consumer_id = COALESCE(o.consumer_id, EXCLUDED.consumer_id),
       restaurant_id = COALESCE(o.restaurant_id, EXCLUDED.restaurant_id), ${COUNT_CHANGE}
     WHERE (o.consumer_id IS NULL AND EXCLUDED.consumer_id IS NOT NULL) OR (o.restaurant_id IS NULL AND EXCLUDED.restaurant_id IS NOT NULL)`,
    [rows.map((r) => r.orderId), rows.map((r) => r.consumerId), rows.map((r) => r.restaurantId)],
  );
  const timeline: { orderIds: string[]; eventIds: string[]; subjects: string[]; occurredAt: string[] } = { orderIds: [], eventIds: [], subjects: [], occurredAt: [] };
  for (const row of rows) {
    for (const entry of row.timeline) {
      timeline.orderIds.push(row.orderId);
      timeline.eventIds.push(entry.eventId);
      timeline.subjects.push(entry.subject);
      timeline.occurredAt.push(entry.occurredAt);
    }
  }
  const timelineRows = statement(
    `INSERT INTO ${t.timeline} (order_id, event_id, subject, occurred_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])
     ON CONFLICT (order_id, event_id) DO NOTHING`,
    [timeline.orderIds, timeline.eventIds, timeline.subjects, timeline.occurredAt],
  );
  const parts = setParts(t, rows);
  return parts ? [touch, timelineRows, parts] : [touch, timelineRows];
}

/**
 * The parts, in one UPDATE per batch (one new row version per order, whatever number of parts
 * changed): each column is written where its part's guard holds, exactly as the part's own
 * statement for a single event would, and the row's `version` grows by the number of parts
 * written (the number of statements a single event's writes would have counted). The row's
 * `state` is a generated column (order-lifecycle.ts): PostgreSQL derives it from the parts written.
 */
function setParts(t: OrderViewTables, rows: readonly OrderRowChange[]): PipelinedStatement | null {
  const changed = rows.filter((r) => r.details || r.placedAt || r.decision || r.ticket || r.readyBy || r.payment || r.delivery);
  if (changed.length === 0) return null;
  const column = <T>(name: string, type: string, value: (row: OrderRowChange) => T | null | undefined): Column => [name, type, changed.map((r) => value(r) ?? null)];
  const change = (r: OrderRowChange) => r.decision?.value.lastChange;
  const columns: Column[] = [
    column('order_id', 'uuid', (r) => r.orderId),
    column('details_version', 'int', (r) => r.details?.version),
    column('lines', 'jsonb', (r) => r.details && JSON.stringify(r.details.value.lines)),
    column('names', 'text', (r) => r.details?.value.lines.map((line) => line.name).join(' ')),
    column('total', 'bigint', (r) => r.details?.value.orderTotalCents),
    column('placed_at', 'timestamptz', (r) => r.placedAt),
    column('order_version', 'int', (r) => r.decision?.version),
    column('order_state', 'text', (r) => r.decision?.value.state),
    column('rejection_reason', 'text', (r) => r.decision?.value.rejectionReason),
    column('change_type', 'text', (r) => change(r)?.type),
    column('change_outcome', 'text', (r) => change(r)?.outcome),
    column('change_reason', 'text', (r) => change(r)?.reason),
    column('ticket_version', 'int', (r) => r.ticket?.version),
    column('ticket_state', 'text', (r) => r.ticket?.value),
    column('ticket_reason', 'text', (r) => r.ticketReason?.value),
    column('ticket_reason_version', 'int', (r) => r.ticketReason?.version),
    column('ready_by', 'timestamptz', (r) => r.readyBy?.value),
    column('payment_step', 'int', (r) => r.payment?.version),
    column('payment_state', 'text', (r) => r.payment?.value.state),
    column('payment_amount', 'bigint', (r) => r.payment?.value.amountCents),
    column('payment_reason', 'text', (r) => r.paymentReason?.value),
    column('payment_reason_step', 'int', (r) => r.paymentReason?.version),
    column('delivery_step', 'int', (r) => r.delivery?.version),
    column('delivery_state', 'text', (r) => r.delivery?.value.state),
    column('courier_id', 'uuid', (r) => r.delivery?.value.courierId),
  ];
  // A part is in the change when its defining column is; it is written when newer than the part's last event.
  const details = guard('c.lines', 'details_version');
  const decision = guard('c.order_state', 'order_version');
  const ticket = guard('c.ticket_state', 'ticket_version');
  const payment = guard('c.payment_state', 'payment_step');
  const delivery = guard('c.delivery_state', 'delivery_step');
  const promise = 'c.ready_by IS NOT NULL AND o.ready_by IS DISTINCT FROM c.ready_by';
  // One creation per order: any copy of it gives the same time; the earliest is kept all the same.
  const placed = 'c.placed_at IS NOT NULL AND (o.placed_at IS NULL OR c.placed_at < o.placed_at)';
  const when = (condition: string, target: string, value: string) => `${target} = CASE WHEN ${condition} THEN ${value} ELSE o.${target} END`;
  const assignments = [
    when(details, 'line_items', 'c.lines'),
    when(details, 'item_names', 'c.names'),
    when(details, 'order_total_cents', 'c.total'),
    when(details, 'details_version', versionAfter('o.details_version', 'c.details_version')),
    when(placed, 'placed_at', 'c.placed_at'),
    when(decision, 'order_state', 'c.order_state'),
    when(decision, 'rejection_reason', 'c.rejection_reason'),
    when(decision, 'change_type', 'c.change_type'),
    when(decision, 'change_outcome', 'c.change_outcome'),
    when(decision, 'change_reason', 'c.change_reason'),
    when(decision, 'order_version', versionAfter('o.order_version', 'c.order_version')),
    when(ticket, 'ticket_state', 'c.ticket_state'),
    when(`${ticket} AND ${newerThan('o.ticket_version', 'c.ticket_reason_version')}`, 'ticket_reason', 'COALESCE(c.ticket_reason, o.ticket_reason)'),
    when(ticket, 'ticket_version', versionAfter('o.ticket_version', 'c.ticket_version')),
    when(promise, 'ready_by', 'c.ready_by'),
    when(payment, 'payment_state', 'c.payment_state'),
    when(payment, 'payment_amount_cents', 'c.payment_amount'),
    when(`${payment} AND ${newerThan('o.payment_step', 'c.payment_reason_step')}`, 'payment_reason', 'COALESCE(c.payment_reason, o.payment_reason)'),
    when(payment, 'payment_step', versionAfter('o.payment_step', 'c.payment_step')),
    when(delivery, 'delivery_state', 'c.delivery_state'),
    when(delivery, 'courier_id', 'c.courier_id'),
    when(delivery, 'delivery_step', versionAfter('o.delivery_step', 'c.delivery_step')),
  ];
  const written = [details, placed, decision, ticket, promise, payment, delivery];
  return statement(
    `UPDATE ${t.orders} AS o SET ${assignments.join(', ')},
       version = o.version + ${written.map((condition) => `(${condition})::int`).join(' + ')}, changed_at = now()
     FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS c(${columns.map(([name]) => name).join(', ')})
     WHERE o.order_id = c.order_id AND (${written.map((condition) => `(${condition})`).join(' OR ')})`,
    columns.map(([, , values]) => values),
  );
}

/** True where the change has the part (`present` is not null) and it is newer than the part's last event. */
function guard(present: string, versionColumn: string): string {
  return `(${present} IS NOT NULL AND ${newerThan(`o.${versionColumn}`, `c.${versionColumn}`)})`;
}

/** A column of the unnest source: its name (`c.<name>`), its SQL type, one value per row. */
type Column = readonly [name: string, type: string, values: readonly unknown[]];
