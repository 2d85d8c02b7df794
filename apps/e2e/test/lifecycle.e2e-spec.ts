import { eventually } from '@brigade/testing';
import {
  acceptTicket,
  account,
  aMenuItem,
  availableCourier,
  call,
  createRestaurant,
  delivery,
  deliveryStep,
  eventuallyInState,
  expectStatus,
  kitchenStep,
  openRestaurant,
  order,
  placeOrder,
  platformForTestFile,
  registerConsumer,
  setCourierAvailability,
  SETTLE,
  ticket,
} from '@brigade/component-testing';

// The order's whole life across the seven running apps, through their public HTTP APIs only:
// delivery, cancel and revise, and the money that follows them. Couriers are shared by every
// delivery of the platform, so each journey takes its couriers off shift once it is done with them.
jest.setTimeout(180_000);

const LIMIT = 50_000;
const MARGHERITA = 1_250;

describe('Brigade order lifecycle (every app running as a process)', () => {
  const running = platformForTestFile({ approvalDeadlineMs: 10_000 });

  async function approvedOrder(label: string, quantity = 2) {
    const menu = [aMenuItem('Margherita', MARGHERITA), aMenuItem('Tiramisu', 700)];
    const [consumerId, restaurantId] = await Promise.all([registerConsumer(running(), label), createRestaurant(running(), `${label}'s Pizza`, menu)]);
    await openRestaurant(running(), restaurantId);
    const orderId = await placeOrder(running(), consumerId, restaurantId, [{ menuItemId: menu[0].menuItemId, quantity }]);
    await eventuallyInState(() => order(running(), orderId), 'APPROVED');
    await eventuallyInState(() => ticket(running(), orderId), 'AWAITING_ACCEPTANCE');
    await eventuallyInState(() => delivery(running(), orderId), 'PENDING');
    return { consumerId, restaurantId, orderId, menu };
  }

  const available = async (consumerId: string): Promise<number> => expectStatus(await account(running(), consumerId), 200).body.availableCents;
  const history = (orderId: string) => call(running().app('order-history'), 'GET', `/order-history/orders/${orderId}`);

  /** Waits until order, ticket, delivery and order-history all show one step of the order's life. */
  async function allAgree(orderId: string, step: { order: string; ticket: string; delivery: string }) {
    await eventuallyInState(() => order(running(), orderId), step.order);
    await eventuallyInState(() => ticket(running(), orderId), step.ticket);
    await eventuallyInState(() => delivery(running(), orderId), step.delivery);
    return eventually(async () => {
      const view = expectStatus(await history(orderId), 200).body;
      expect({ state: view.state, ticket: view.ticket?.state, delivery: view.delivery?.state }).toEqual({
        state: step.order,
        ticket: step.ticket,
        delivery: step.delivery,
      });
      return view;
    }, SETTLE);
  }

  it('takes an order to the door: accepted (courier assigned), preparing, ready, picked up, delivered, and gives the credit back', async () => {
    const { consumerId, orderId } = await approvedOrder('Ada');
    const courierId = await availableCourier(running(), 'Ada’s courier');
    expect(await available(consumerId)).toBe(LIMIT - 2 * MARGHERITA);

    const readyBy = await acceptTicket(running(), orderId);
    const assigned = await eventuallyInState(() => delivery(running(), orderId), 'ASSIGNED');
    expect(assigned).toMatchObject({ courierId, readyBy, pickupAddress: expect.objectContaining({ street1: '1 Main St' }) });
    await allAgree(orderId, { order: 'APPROVED', ticket: 'ACCEPTED', delivery: 'ASSIGNED' });

    // The courier may not take the food before the kitchen has it ready.
    expect((await call(running().app('delivery'), 'POST', `/deliveries/${orderId}/pickup`)).status).toBe(409);
    expect((await call(running().app('delivery'), 'POST', `/deliveries/${orderId}/deliver`)).status).toBe(409);

    await kitchenStep(running(), orderId, 'preparing');
    await allAgree(orderId, { order: 'PREPARING', ticket: 'PREPARING', delivery: 'ASSIGNED' });
    await kitchenStep(running(), orderId, 'ready');
    await allAgree(orderId, { order: 'READY_FOR_PICKUP', ticket: 'READY_FOR_PICKUP', delivery: 'ASSIGNED' });
    await eventually(async () => deliveryStep(running(), orderId, 'pickup'), SETTLE);
    await allAgree(orderId, { order: 'PICKED_UP', ticket: 'PICKED_UP', delivery: 'PICKED_UP' });
    await deliveryStep(running(), orderId, 'deliver');
    const view = await allAgree(orderId, { order: 'DELIVERED', ticket: 'PICKED_UP', delivery: 'DELIVERED' });

    await eventually(async () => expect(await available(consumerId)).toBe(LIMIT), SETTLE);
    await eventually(async () => expect((await history(orderId)).body.payment).toMatchObject({ state: 'CAPTURED' }), SETTLE);
    expect(view.delivery).toMatchObject({ courierId });
    expect(view.timeline.map((entry: { subject: string }) => entry.subject)).toEqual(
      expect.arrayContaining(['delivery.delivery.courier-assigned.v1', 'delivery.delivery.picked-up.v1', 'delivery.delivery.delivered.v1']),
    );
    await setCourierAvailability(running(), courierId, false);
  });

  it('keeps an accepted ticket’s delivery waiting while no courier is free, then gives it the next one', async () => {
    const { orderId } = await approvedOrder('Barbara');
    await acceptTicket(running(), orderId);
    await eventuallyInState(() => ticket(running(), orderId), 'ACCEPTED');
    // Nobody is on shift: the delivery waits (and stays waiting).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(expectStatus(await delivery(running(), orderId), 200).body).toMatchObject({ state: 'PENDING', courierId: null });

    const courierId = await availableCourier(running(), 'Barbara’s courier');
    expect(await eventuallyInState(() => delivery(running(), orderId), 'ASSIGNED')).toMatchObject({ courierId });
  });

  it('cancels an order before preparing: ticket and delivery cancelled, the credit back exactly once after a double cancel', async () => {
    const { consumerId, orderId } = await approvedOrder('Claude');
    expect(await available(consumerId)).toBe(LIMIT - 2 * MARGHERITA);

    expect((await call(running().app('orders'), 'POST', `/orders/${orderId}/cancel`)).status).toBe(202);
    const again = await call(running().app('orders'), 'POST', `/orders/${orderId}/cancel`);
    expect(again.status).toBe(409);

    const view = await allAgree(orderId, { order: 'CANCELLED', ticket: 'CANCELLED', delivery: 'CANCELLED' });
    expect(expectStatus(await order(running(), orderId), 200).body.lastChange).toEqual({ type: 'CANCEL', outcome: 'DONE' });
    await eventually(async () => expect(await available(consumerId)).toBe(LIMIT), SETTLE);
    expect(view.timeline.map((entry: { subject: string }) => entry.subject)).toEqual(expect.arrayContaining(['orders.order.cancelled.v1']));

    // Still once: a third request changes nothing, and the account stays where it is.
    expect((await call(running().app('orders'), 'POST', `/orders/${orderId}/cancel`)).status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await available(consumerId)).toBe(LIMIT);
    const payments = expectStatus(await account(running(), consumerId), 200).body.authorizations.filter((a: { orderId: string }) => a.orderId === orderId);
    expect(payments).toEqual([expect.objectContaining({ status: 'VOIDED' })]);
  });

  it('refuses to cancel an order the kitchen is preparing, with the reason, and changes nothing', async () => {
    const { consumerId, orderId } = await approvedOrder('Dijkstra');
    const courierId = await availableCourier(running(), 'Dijkstra’s courier');
    await acceptTicket(running(), orderId);
    await kitchenStep(running(), orderId, 'preparing');
    await eventuallyInState(() => order(running(), orderId), 'PREPARING');

    const refused = await call(running().app('orders'), 'POST', `/orders/${orderId}/cancel`);
    expect(refused.body).toMatchObject({ status: 409, code: 'ORDERS.ORDER.NOT_CANCELLABLE' });

    await allAgree(orderId, { order: 'PREPARING', ticket: 'PREPARING', delivery: 'ASSIGNED' });
    expect(await available(consumerId)).toBe(LIMIT - 2 * MARGHERITA);
    expect(expectStatus(await delivery(running(), orderId), 200).body.courierId).toBe(courierId);
  });

  it('revises an order within credit: the new lines and total everywhere', async () => {
    const { consumerId, orderId, menu } = await approvedOrder('Edsger');
    const lines = [
      { menuItemId: menu[0].menuItemId, quantity: 1 },
      { menuItemId: menu[1].menuItemId, quantity: 2 },
    ];
    expect((await call(running().app('orders'), 'POST', `/orders/${orderId}/revise`, { lineItems: lines })).status).toBe(202);

    const revised = await eventually(async () => {
      const body = expectStatus(await order(running(), orderId), 200).body;
      expect(body).toMatchObject({ state: 'APPROVED', lastChange: { type: 'REVISE', outcome: 'DONE' } });
      return body;
    }, SETTLE);
    const total = MARGHERITA + 2 * 700;
    expect(revised.orderTotalCents).toBe(total);
    await eventually(async () => {
      expect(expectStatus(await ticket(running(), orderId), 200).body.lineItems).toEqual([
        expect.objectContaining({ name: 'Margherita', quantity: 1 }),
        expect.objectContaining({ name: 'Tiramisu', quantity: 2 }),
      ]);
      expect(await available(consumerId)).toBe(LIMIT - total);
      expect(expectStatus(await history(orderId), 200).body).toMatchObject({ orderTotalCents: total, payment: expect.objectContaining({ amountCents: total }) });
    }, SETTLE);
  });

  it('leaves everything as it was when a revision goes above the credit, with the reason visible', async () => {
    const { consumerId, orderId, menu } = await approvedOrder('Frances');
    const before = expectStatus(await ticket(running(), orderId), 200).body.lineItems;

    // 40 Margheritas: an increase of 47,500 cents against 47,500 available... plus one more.
    const lines = [{ menuItemId: menu[0].menuItemId, quantity: 41 }];
    expect((await call(running().app('orders'), 'POST', `/orders/${orderId}/revise`, { lineItems: lines })).status).toBe(202);

    const refused = await eventually(async () => {
      const body = expectStatus(await order(running(), orderId), 200).body;
      expect(body).toMatchObject({ state: 'APPROVED', lastChange: { type: 'REVISE', outcome: 'REFUSED' } });
      return body;
    }, SETTLE);
    expect(refused.lastChange.reason).toMatch(/^accounting: /);
    expect(refused.orderTotalCents).toBe(2 * MARGHERITA);
    await eventually(async () => {
      // The kitchen may have said yes first: it undoes that once the revision is rejected.
      expect(expectStatus(await ticket(running(), orderId), 200).body).toMatchObject({ lineItems: before, pendingRevision: null });
      expect(await available(consumerId)).toBe(LIMIT - 2 * MARGHERITA);
      expect(expectStatus(await history(orderId), 200).body).toMatchObject({ orderTotalCents: 2 * MARGHERITA });
    }, SETTLE);
  });

  it('left NATS nothing to refuse: every app, as its own user, stayed within its permissions throughout', () => {
    expect(running().nats.violations()).toEqual([]);
  });
});
