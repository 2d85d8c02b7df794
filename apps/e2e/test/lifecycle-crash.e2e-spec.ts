import { eventually } from '@brigade/testing';
import {
  account,
  aMenuItem,
  availableCourier,
  call,
  createRestaurant,
  delivery,
  eventuallyInState,
  expectStatus,
  openRestaurant,
  order,
  Platform,
  PLATFORM_APPS,
  platformForTestFile,
  placeOrder,
  readAppRecords,
  registerConsumer,
  setCreditLimit,
  ticket,
} from '@brigade/component-testing';
import { sendOrderBurst } from './order-burst';
import { Life, liveOrder, Script, SCRIPTS } from './order-life';
import { effectsAppliedTwice, inboxFailures, unansweredCauses } from './effects-ledger';

// Crash test of the order's whole life: orders are placed, and each is then cancelled, revised,
// cooked, picked up and delivered (a script per order) while orders, kitchen, accounting and
// delivery are SIGKILLed and restarted. Afterwards every order rests in a final or stable state
// that every context agrees on, every account holds exactly the totals of the orders still open,
// no courier carries two deliveries, and no message took effect twice.
jest.setTimeout(420_000);

const CONSUMERS = 6;
const COURIERS = 5;
const MENU = [aMenuItem('Margherita', 1_250), aMenuItem('Lasagne', 1_800)];
/** Limits from tight to ample: some orders are declined, some revisions too. */
const creditLimitOf = (consumer: number) => 6_000 + 8_000 * consumer;
const DEFAULT_CREDIT_LIMIT_CENTS = 50_000;
const APPROVAL_DEADLINE_MS = 30_000;
/** A script's steps wait out outages and a change's deadline (30 s): generous, polled. */
const LIFE_TIMEOUT_MS = 150_000;
const SETTLED = { timeoutMs: 120_000, intervalMs: 500 };

const BURST = {
  orders: 60,
  durationMs: 20_000,
  inFlight: 3,
  downtimeMs: 1_500,
  crashes: [
    { app: 'orders', atFraction: 0.25 },
    { app: 'kitchen', atFraction: 0.4 },
    { app: 'delivery', atFraction: 0.55 },
    { app: 'accounting', atFraction: 0.7 },
    { app: 'orders', atFraction: 0.85 },
  ],
} as const;

/** Where an order at rest may stand, and what its ticket and delivery must then show (null: no delivery). */
const AT_REST: Record<string, { ticket: readonly string[]; delivery: readonly (string | null)[]; held: boolean }> = {
  REJECTED: { ticket: ['CANCELLED', 'REJECTED'], delivery: [null], held: false },
  CANCELLED: { ticket: ['CANCELLED'], delivery: ['CANCELLED'], held: false },
  APPROVED: { ticket: ['AWAITING_ACCEPTANCE', 'ACCEPTED'], delivery: ['PENDING', 'ASSIGNED'], held: true },
  DELIVERED: { ticket: ['PICKED_UP'], delivery: ['DELIVERED'], held: false },
};

describe('Crash test: orders cancelled, revised and delivered while orders, kitchen, accounting and delivery are SIGKILLed and restarted', () => {
  const running = platformForTestFile({ approvalDeadlineMs: APPROVAL_DEADLINE_MS });

  async function openShop() {
    const [restaurantId, warmUpConsumerId, ...consumerIds] = await Promise.all([
      createRestaurant(running(), 'Lifecycle Trattoria', MENU),
      registerConsumer(running(), 'Warmup'),
      ...Array.from({ length: CONSUMERS }, (_, index) => registerConsumer(running(), `Life${index}`)),
    ]);
    await openRestaurant(running(), restaurantId);
    await Promise.all(consumerIds.map((consumerId, index) => setCreditLimit(running(), consumerId, creditLimitOf(index))));
    const couriers = await Promise.all(Array.from({ length: COURIERS }, (_, index) => availableCourier(running(), `Courier ${index}`)));
    // Every replica the burst relies on is filled before anything is killed: an order goes all the way through.
    const warmUp = await placeOrder(running(), warmUpConsumerId, restaurantId, [{ menuItemId: MENU[0].menuItemId, quantity: 1 }]);
    await eventuallyInState(() => order(running(), warmUp), 'APPROVED');
    await eventuallyInState(() => delivery(running(), warmUp), 'PENDING');
    const creditLimits = new Map([[warmUpConsumerId, DEFAULT_CREDIT_LIMIT_CENTS], ...consumerIds.map((id, index) => [id, creditLimitOf(index)] as const)]);
    return { restaurantId, consumerIds, couriers, creditLimits };
  }

  it('leaves every order at rest and consistent everywhere, every account balanced, every courier with one delivery at most, nothing applied twice', async () => {
    const platform = running();
    try {
      const shop = await openShop();
      const lives: Promise<Life>[] = [];
      const burst = await sendOrderBurst(platform, {
        ...BURST,
        order: (attempt) => ({
          consumerId: shop.consumerIds[attempt % CONSUMERS],
          restaurantId: shop.restaurantId,
          lines: [{ menuItemId: MENU[attempt % MENU.length].menuItemId, quantity: 1 + (attempt % 3) }],
        }),
        onAccepted: (orderId, attempt) => {
          const script: Script = SCRIPTS[attempt % SCRIPTS.length];
          // Every fifth revision asks for more than any consumer's credit allows: declined, and undone where the kitchen said yes.
          const quantity = attempt % 5 === 0 ? 40 : 1 + ((attempt + 1) % 4);
          const revisedLines = [{ menuItemId: MENU[(attempt + 1) % MENU.length].menuItemId, quantity }];
          lives.push(liveOrder(platform, orderId, script, { revisedLines, timeoutMs: LIFE_TIMEOUT_MS }));
        },
      });
      const finished = await Promise.all(lives);
      for (const crash of burst.crashes) expect(crash.killedBy).toBe('SIGKILL');

      const orderIds = await ordersOf(platform);
      const views = await eventually(async () => {
        const read = await Promise.all(orderIds.map((orderId) => everyContextsView(platform, orderId)));
        expectNone('orders not at rest', read.filter((view) => !(view.order.state in AT_REST)).map(describeView));
        return read;
      }, SETTLED);

      expectNone('orders whose ticket or delivery disagree with them', views.flatMap(disagreements));
      expectNone('couriers with more than one delivery in hand', couriersCarryingTwo(views));
      await expectAccountsBalanced(platform, shop.creditLimits, views);
      await expectQuerySideAgrees(platform, views);

      const ledgers = await Promise.all((['orders', 'kitchen', 'accounting', 'delivery', 'consumers'] as const).map(async (app) => [app, await readAppRecords(platform, app)] as const));
      expectNone('messages that took effect twice', ledgers.flatMap(([app, records]) => effectsAppliedTwice(app, records)));
      expectNone('effects no inbox row answers for', ledgers.flatMap(([app, records]) => unansweredCauses(app, records)));
      expectNone('messages parked or refused', ledgers.flatMap(([app, records]) => inboxFailures(app, records)));
      const effects = ledgers.map(([app, records]) => `${app} ${records.events.filter((event) => event.causationId).length} effects of ${records.inbox.length} messages`);

      const count = (state: string) => views.filter((view) => view.order.state === state).length;
      const revised = views.filter((view) => view.order.lastChange?.type === 'REVISE' && view.order.lastChange.outcome === 'DONE').length;
      // Every branch of the life ran under the crashes, not just one.
      expect({ cancelled: count('CANCELLED') > 3, delivered: count('DELIVERED') > 3, approved: count('APPROVED') > 3 }).toEqual({ cancelled: true, delivered: true, approved: true });
      console.log(
        [
          `lifecycle crash test: ${views.length} orders (${BURST.orders} acknowledged), ${finished.filter((life) => life.rejected).length} rejected at creation`,
          `  at rest: ${Object.keys(AT_REST).map((state) => `${count(state)} ${state}`).join(', ')}; ${revised} revised`,
          `  checked: ${effects.join(', ')}`,
          `  refused changes: ${views.filter((view) => view.order.lastChange?.outcome === 'REFUSED').map((view) => view.order.lastChange.reason).join('; ') || 'none'}`,
          ...burst.crashes.map((crash) => `  killed ${crash.app} (pid ${crash.killedPid}) after ${crash.afterOrders} orders; pid ${crash.restartedPid} healthy ${crash.outageMs} ms later`),
        ].join('\n'),
      );
    } catch (error) {
      console.log(PLATFORM_APPS.map((app) => platform.logs(app)).join('\n'));
      throw error;
    }
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- HTTP bodies as the services answered them
type View = { order: any; ticket: any; delivery: any | null };

/** Every order the orders database holds, the warm-up's and those of ambiguous POSTs included. */
async function ordersOf(platform: Platform): Promise<string[]> {
  const { events } = await readAppRecords(platform, 'orders', ['OrderCreated']);
  return events.map((event) => event.data.orderId);
}

async function everyContextsView(platform: Platform, orderId: string): Promise<View> {
  const [orderView, ticketView, deliveryView] = await Promise.all([order(platform, orderId), ticket(platform, orderId), delivery(platform, orderId)]);
  return {
    order: expectStatus(orderView, 200).body,
    ticket: ticketView.status === 200 ? ticketView.body : { state: `HTTP ${ticketView.status}` },
    delivery: deliveryView.status === 200 ? deliveryView.body : null,
  };
}

function describeView(view: View): string {
  const { order: o, ticket: t, delivery: d } = view;
  return `order ${o.orderId}: ${o.state} (last change ${JSON.stringify(o.lastChange ?? null)}), ticket ${t.state}, delivery ${d?.state ?? 'none'}`;
}

/** The ticket's and the delivery's states fit the order's, and the ticket cooks the order's lines. */
function disagreements(view: View): string[] {
  const rest = AT_REST[view.order.state];
  const found: string[] = [];
  if (!rest.ticket.includes(view.ticket.state) || !rest.delivery.includes(view.delivery?.state ?? null)) found.push(describeView(view));
  const lines = (items: { menuItemId: string; quantity: number }[]) => JSON.stringify(items.map(({ menuItemId, quantity }) => [menuItemId, quantity]));
  if (view.ticket.lineItems && lines(view.ticket.lineItems) !== lines(view.order.lineItems)) {
    found.push(`order ${view.order.orderId}: lines ${lines(view.order.lineItems)}, ticket cooks ${lines(view.ticket.lineItems)}`);
  }
  return found;
}

function couriersCarryingTwo(views: View[]): string[] {
  const inHand = new Map<string, string[]>();
  for (const { delivery: d } of views) {
    if (d?.courierId && (d.state === 'ASSIGNED' || d.state === 'PICKED_UP')) inHand.set(d.courierId, [...(inHand.get(d.courierId) ?? []), d.orderId]);
  }
  return [...inHand].filter(([, orders]) => orders.length > 1).map(([courierId, orders]) => `courier ${courierId} carries ${orders.join(', ')}`);
}

/** availableCents = creditLimitCents - the totals of the consumer's orders still open (approved, not delivered or cancelled). */
async function expectAccountsBalanced(platform: Platform, creditLimits: ReadonlyMap<string, number>, views: View[]): Promise<void> {
  const mismatches: string[] = [];
  for (const [consumerId, creditLimitCents] of creditLimits) {
    const held = views.filter(({ order: o }) => o.consumerId === consumerId && AT_REST[o.state].held).reduce((sum, { order: o }) => sum + o.orderTotalCents, 0);
    const body = expectStatus(await account(platform, consumerId), 200).body;
    if (body.availableCents !== creditLimitCents - held) mismatches.push(`account ${consumerId}: available ${body.availableCents}; expected ${creditLimitCents} - ${held} held`);
  }
  expectNone('accounts out of balance', mismatches);
}

/** order-history heard the same story: every order's view ends where the owning contexts are. */
async function expectQuerySideAgrees(platform: Platform, views: View[]): Promise<void> {
  await eventually(async () => {
    const disagreeing: string[] = [];
    for (const view of views) {
      const answer = await call(platform.app('order-history'), 'GET', `/order-history/orders/${view.order.orderId}`);
      const seen = answer.status === 200 ? [answer.body.state, answer.body.ticket?.state, answer.body.delivery?.state ?? null, answer.body.orderTotalCents] : [`HTTP ${answer.status}`];
      const expected = [view.order.state, view.ticket.state, view.delivery?.state ?? null, view.order.orderTotalCents];
      if (JSON.stringify(seen) !== JSON.stringify(expected)) disagreeing.push(`order ${view.order.orderId}: order-history shows ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`);
    }
    expectNone('orders the query side shows differently', disagreeing);
  }, SETTLED);
}

function expectNone(what: string, found: string[]): void {
  expect({ [what]: found.length, first: found.slice(0, 15) }).toEqual({ [what]: 0, first: [] });
}
