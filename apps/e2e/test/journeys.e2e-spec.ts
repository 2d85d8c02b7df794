import { eventually } from '@brigade/testing';
import {
  platformForTestFile,
  aMenuItem,
  call,
  account,
  createRestaurant,
  eventuallyInState,
  expectStatus,
  openRestaurant,
  order,
  placeOrder,
  postOrder,
  registerConsumer,
  SETTLE,
  ticket,
} from '@brigade/component-testing';

// Business journeys across the five running apps, through their public HTTP APIs only.
// Every journey makes its own consumer and restaurant, so they never depend on each other.
jest.setTimeout(120_000);

const DEFAULT_CREDIT_LIMIT_CENTS = 50_000;

describe('Brigade journeys (every app running as a process)', () => {
  const running = platformForTestFile({ approvalDeadlineMs: 10_000 });

  /** A new consumer and a new open restaurant serving `menu`, both already known where orders need them. */
  async function openShop(label: string, menu = [aMenuItem('Margherita', 1250)]) {
    const [consumerId, restaurantId] = await Promise.all([
      registerConsumer(running(), label),
      createRestaurant(running(), `${label}'s Pizza`, menu),
    ]);
    await openRestaurant(running(), restaurantId);
    return { consumerId, restaurantId, menu };
  }

  it('takes an order from placement to ready for pickup, keeping its total authorised', async () => {
    const { consumerId, restaurantId, menu } = await openShop('Ada');
    const orderId = await placeOrder(running(), consumerId, restaurantId, [{ menuItemId: menu[0].menuItemId, quantity: 2 }]);

    const approved = await eventuallyInState(() => order(running(), orderId), 'APPROVED');
    expect(approved.orderTotalCents).toBe(2_500);
    await eventuallyInState(() => ticket(running(), orderId), 'AWAITING_ACCEPTANCE');

    const kitchen = running().app('kitchen');
    const readyBy = new Date(Date.now() + 30 * 60_000).toISOString();
    expect(expectStatus(await call(kitchen, 'POST', `/tickets/${orderId}/accept`, { readyBy }), 200).body.state).toBe('ACCEPTED');
    expect(expectStatus(await call(kitchen, 'POST', `/tickets/${orderId}/preparing`), 200).body.state).toBe('PREPARING');
    expect(expectStatus(await call(kitchen, 'POST', `/tickets/${orderId}/ready`), 200).body.state).toBe('READY_FOR_PICKUP');

    await eventuallyInState(() => order(running(), orderId), 'READY_FOR_PICKUP');
    expect((await account(running(), consumerId)).body.availableCents).toBe(DEFAULT_CREDIT_LIMIT_CENTS - 2_500);

    // The query side has heard every context: names, lines, the kitchen's promise, the payment, the story.
    const history = running().app('order-history');
    const view = await eventually(async () => {
      const body = expectStatus(await call(history, 'GET', `/order-history/orders/${orderId}`), 200).body;
      expect(body.ticket?.state).toBe('READY_FOR_PICKUP');
      return body;
    }, SETTLE);
    expect(view).toMatchObject({
      consumerName: 'Ada E2e',
      restaurantName: "Ada's Pizza",
      state: 'READY_FOR_PICKUP',
      orderTotalCents: 2_500,
      lineItems: [expect.objectContaining({ name: 'Margherita', quantity: 2 })],
      ticket: { state: 'READY_FOR_PICKUP', readyBy },
      payment: expect.objectContaining({ state: 'AUTHORIZED', amountCents: 2_500 }),
    });
    expect(view.timeline.map((entry: { subject: string }) => entry.subject)).toEqual(
      expect.arrayContaining(['orders.order.created.v1', 'kitchen.ticket.ready-for-pickup.v1', 'accounting.payment.authorized.v1']),
    );
    const listed = expectStatus(await call(history, 'GET', `/order-history/consumers/${consumerId}/orders?q=marg`), 200).body;
    expect(listed.items.map((item: { orderId: string }) => item.orderId)).toEqual([orderId]);
  });

  it('rejects an order above the credit limit, cancels its ticket and leaves nothing authorised', async () => {
    const { consumerId, restaurantId, menu } = await openShop('Brian');
    expectStatus(await call(running().app('accounting'), 'PUT', `/accounts/${consumerId}/credit-limit`, { creditLimitCents: 1_000 }), 200);

    const orderId = await placeOrder(running(), consumerId, restaurantId, [{ menuItemId: menu[0].menuItemId, quantity: 2 }]);

    const rejected = await eventuallyInState(() => order(running(), orderId), 'REJECTED');
    expect(rejected.rejectionReason).toMatch(/^accounting: /);
    await eventuallyInState(() => ticket(running(), orderId), 'CANCELLED');
    expect((await account(running(), consumerId)).body.availableCents).toBe(1_000);
  });

  it("rejects a suspended consumer's order, naming the consumer", async () => {
    const { consumerId, restaurantId, menu } = await openShop('Carla');
    expectStatus(await call(running().app('consumers'), 'POST', `/consumers/${consumerId}/suspend`), 200);

    const orderId = await placeOrder(running(), consumerId, restaurantId, [{ menuItemId: menu[0].menuItemId, quantity: 1 }]);

    const rejected = await eventuallyInState(() => order(running(), orderId), 'REJECTED');
    expect(rejected.rejectionReason).toMatch(/^consumer: /);
    // Accounting may have authorised the total in parallel: the rejection voids it.
    await eventually(async () => expect((await account(running(), consumerId)).body.availableCents).toBe(DEFAULT_CREDIT_LIMIT_CENTS), SETTLE);
  });

  it('refuses orders at a restaurant once it has closed', async () => {
    const { consumerId, restaurantId, menu } = await openShop('Dmitri');
    const lines = [{ menuItemId: menu[0].menuItemId, quantity: 1 }];
    await placeOrder(running(), consumerId, restaurantId, lines); // the orders replica has seen it open
    expectStatus(await call(running().app('restaurants'), 'POST', `/restaurants/${restaurantId}/close`), 200);

    const refusal = await eventually(async () => expectStatus(await postOrder(running(), consumerId, restaurantId, lines), 422), SETTLE);
    expect(refusal.body.code).toBe('ORDERS.RESTAURANT.CLOSED');
  });

  it('accepts orders for a menu item added after opening', async () => {
    const { consumerId, restaurantId, menu } = await openShop('Edsger');
    const tiramisu = aMenuItem('Tiramisu', 700);
    expectStatus(await call(running().app('restaurants'), 'PUT', `/restaurants/${restaurantId}/menu`, { menu: [...menu, tiramisu] }), 200);

    const orderId = await placeOrder(running(), consumerId, restaurantId, [{ menuItemId: tiramisu.menuItemId, quantity: 3 }]);

    const approved = await eventuallyInState(() => order(running(), orderId), 'APPROVED');
    expect(approved.lineItems).toEqual([{ menuItemId: tiramisu.menuItemId, name: 'Tiramisu', priceCents: 700, quantity: 3 }]);
    expect(approved.orderTotalCents).toBe(2_100);
  });
});
