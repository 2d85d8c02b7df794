import type { EventMetadata } from '@brigade/event-store';
import { eventually, gate } from '@brigade/testing';
import { NoteTicketAccepted } from '../src/application/note-ticket-accepted/note-ticket-accepted.command';
import { NoteTicketAcceptedHandler } from '../src/application/note-ticket-accepted/note-ticket-accepted.handler';
import { SetCourierAvailability } from '../src/application/set-courier-availability/set-courier-availability.command';
import { SetCourierAvailabilityHandler } from '../src/application/set-courier-availability/set-courier-availability.handler';
import { DeliveryTransaction } from '../src/infrastructure/delivery-transaction';
import { aCourier, call, DeliveryApp, deliveryOnce } from './delivery-app';
import { aRestaurant, inHalfAnHour, OrderFixture } from './delivery-fixtures';

/**
 * The two races of the assignment, staged: a transaction is held open at the worst moment (its
 * changes made, not committed) while another runs into it. The use cases run as the app runs them,
 * in the real module against PostgreSQL; the test only holds one transaction open.
 */
describe('delivery service: assignment races', () => {
  let app: DeliveryApp;
  let restaurantId: string;

  beforeAll(async () => {
    app = await DeliveryApp.start();
    restaurantId = await aRestaurant(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  const metadata = (): EventMetadata => ({ correlationId: 'race', causationId: null, actor: { id: 'tester', role: 'admin' }, occurredAt: new Date().toISOString() });
  const accepted = (order: OrderFixture) => new NoteTicketAccepted({ orderId: order.orderId, readyBy: inHalfAnHour() }, metadata());
  const anApprovedOrder = () => new OrderFixture(app, restaurantId).approvedAndApplied();

  /** A session of this database waits for a lock: `advisory` (the board's), `transactionid` (a row another transaction changed). */
  async function waitingForALock(kind: 'advisory' | 'transactionid'): Promise<void> {
    await eventually(async () => {
      const [{ n }] = await app.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = $1`,
        [kind],
      );
      expect(n).toBeGreaterThan(0);
    });
  }

  it('two deliveries racing for one free courier: the second one’s append at the courier’s version is refused, and run again it waits in line', async () => {
    const courierId = await aCourier(app);
    const [first, second] = [await anApprovedOrder(), await anApprovedOrder()];
    const handler = app.get(NoteTicketAcceptedHandler);
    const transaction = app.get(DeliveryTransaction);
    const [reached, held] = [gate(), gate()];
    let secondRuns = 0;

    const firstRun = transaction.run(async () => {
      await handler.execute(accepted(first)); // takes the courier, not committed yet
      reached.open();
      await held.opened;
    });
    await reached.opened;
    const secondRun = transaction.run(async () => {
      secondRuns += 1;
      await handler.execute(accepted(second)); // reads the courier as still free (the first has not committed)
    });
    try {
      await waitingForALock('transactionid'); // on the courier's row of the board, which the first took
    } finally {
      held.open();
    }
    await Promise.all([firstRun, secondRun]);

    expect(secondRuns).toBe(2);
    await deliveryOnce(app, first.orderId, { state: 'ASSIGNED', courierId });
    await deliveryOnce(app, second.orderId, { state: 'PENDING', courierId: null });
    expect((await call(app, 'GET', `/couriers/${courierId}`)).body).toMatchObject({ deliveryOrderId: first.orderId, version: 3 });
    expect(await app.board()).toEqual({ free: [], waiting: [second.orderId] });

    await app.consumed(await second.cancelled()); // leaves the board empty for the next test
  });

  it('a delivery starts waiting while a courier goes on shift: the later of the two sees the earlier under the board’s lock, and matches them', async () => {
    const courierId = await aCourier(app, { available: false });
    const order = await anApprovedOrder();
    const [reached, held] = [gate(), gate()];

    const waits = app.get(DeliveryTransaction).run(async () => {
      await app.get(NoteTicketAcceptedHandler).execute(accepted(order)); // no courier free: joins the line, holding the board's lock
      reached.open();
      await held.opened;
    });
    await reached.opened;
    // Reads no delivery waiting (not committed yet), so it would stay free; it must wait for the lock instead.
    const onShift = app.get(SetCourierAvailabilityHandler).execute(new SetCourierAvailability(courierId, true, metadata()));
    try {
      await waitingForALock('advisory');
    } finally {
      held.open();
    }
    await waits;

    expect(await onShift).toMatchObject({ courierId, available: true, deliveryOrderId: order.orderId });
    await deliveryOnce(app, order.orderId, { state: 'ASSIGNED', courierId });
    expect(await app.board()).toEqual({ free: [], waiting: [] });
  });
});
