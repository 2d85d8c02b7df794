import { eventually } from '@brigade/testing';
import {
  Platform,
  platformForTestFile,
  PLATFORM_APPS,
  PlatformApp,
  aMenuItem,
  account,
  call,
  createRestaurant,
  eventuallyInState,
  expectStatus,
  openRestaurant,
  order,
  placeOrder,
  registerConsumer,
  setCreditLimit,
  ticket,
} from '@brigade/component-testing';
import { BurstPlan, BurstResult, sendOrderBurst } from './order-burst';
import { inboxViolations, OrderLedger, orderViolations, readOrderLedger, unfinishedWork } from './order-ledger';

// Crash test (issue 3): a burst of orders while the orders, kitchen and accounting processes are
// each killed with SIGKILL and restarted. Afterwards every order is decided, has one ticket, and
// every account's available credit is its limit minus its approved orders; the four databases
// show that no event was applied twice. Which orders exist is the orders database's word.
jest.setTimeout(300_000);

const CONSUMERS = 10;
const MENU = [aMenuItem('Margherita', 1_250), aMenuItem('Lasagne', 1_800), aMenuItem('Tiramisu', 700)];
/** A consumer's 20 orders cost ~50 000 or ~75 000 cents: limits from 4 000 to 58 000 cents approve about half of them. */
const creditLimitOf = (consumer: number) => 4_000 + 6_000 * consumer;
const DEFAULT_CREDIT_LIMIT_CENTS = 50_000;
/** The SPEC's default: an order still waiting for a verdict then is rejected, a legitimate outcome here too. */
const APPROVAL_DEADLINE_MS = 30_000;

const BURST: Omit<BurstPlan, 'order'> = {
  orders: 200,
  durationMs: 15_000,
  inFlight: 4,
  downtimeMs: 1_500,
  // Staggered so every outage overlaps orders in flight and each app comes back to a backlog;
  // orders, which holds the sagas and their deadlines, dies twice (the second time while
  // accounting may still be restarting).
  crashes: [
    { app: 'orders', atFraction: 0.2 },
    { app: 'kitchen', atFraction: 0.45 },
    { app: 'accounting', atFraction: 0.7 },
    { app: 'orders', atFraction: 0.85 },
  ],
};
/** Restarted apps catch up on their backlog, deadlines fire after restarts: generous, polled. */
const SETTLED = { timeoutMs: 120_000, intervalMs: 500 };
/** Both branches of the saga must have run under the crashes, not just one. */
const AT_LEAST_PER_BRANCH = 20;

describe('Crash test: a burst of orders while orders, kitchen and accounting are SIGKILLed and restarted', () => {
  const running = platformForTestFile({ approvalDeadlineMs: APPROVAL_DEADLINE_MS });

  /**
   * Ten consumers with credit limits from tight to ample, and one open restaurant. A warm-up
   * order is approved first, so every replica the burst relies on (orders' and kitchen's copy of
   * the restaurant, accounting's accounts) is known to be filled before anything is killed.
   */
  async function openShop() {
    const [restaurantId, warmUpConsumerId, ...consumerIds] = await Promise.all([
      createRestaurant(running(), 'Crash Test Trattoria', MENU),
      registerConsumer(running(), 'Warmup'),
      ...Array.from({ length: CONSUMERS }, (_, index) => registerConsumer(running(), `Crash${index}`)),
    ]);
    await openRestaurant(running(), restaurantId);
    await Promise.all(consumerIds.map((consumerId, index) => setCreditLimit(running(), consumerId, creditLimitOf(index))));
    const warmUpOrderId = await placeOrder(running(), warmUpConsumerId, restaurantId, [{ menuItemId: MENU[0].menuItemId, quantity: 1 }]);
    await eventuallyInState(() => order(running(), warmUpOrderId), 'APPROVED');
    await eventuallyInState(() => ticket(running(), warmUpOrderId), 'AWAITING_ACCEPTANCE');
    const creditLimits = new Map([[warmUpConsumerId, DEFAULT_CREDIT_LIMIT_CENTS], ...consumerIds.map((id, index) => [id, creditLimitOf(index)] as const)]);
    return { restaurantId, consumerIds, warmUpOrderId, creditLimits };
  }

  it('decides every order, makes one ticket each, balances every account and applies no event twice', () =>
    withLogsOnFailure(running(), async () => {
      const startedAt = Date.now();
      const shop = await openShop();
      const setUpMs = Date.now() - startedAt;

      const burst = await sendOrderBurst(running(), {
        ...BURST,
        order: (attempt) => ({
          consumerId: shop.consumerIds[attempt % CONSUMERS],
          restaurantId: shop.restaurantId,
          lines: [{ menuItemId: MENU[attempt % MENU.length].menuItemId, quantity: 1 + (attempt % 4) }],
        }),
      });
      expectEveryCrashHappened(running(), burst);

      const ledger = await eventually(async () => {
        const read = await readOrderLedger(running());
        const unfinished = unfinishedWork(read);
        if (unfinished.length > 0) throw new Error(`${unfinished.length} steps still to happen, e.g.\n${unfinished.slice(0, 10).join('\n')}`);
        return read;
      }, SETTLED);
      const settledAt = Date.now();

      // Every POST answered 201 made an order; any other order in the database came from an ambiguous POST.
      const acknowledged = new Set(burst.acceptedOrderIds);
      expect(acknowledged.size).toBe(BURST.orders);
      expect([...acknowledged].filter((orderId) => !ledger.orders.has(orderId))).toEqual([]);
      const unacknowledged = [...ledger.orders.keys()].filter((orderId) => !acknowledged.has(orderId) && orderId !== shop.warmUpOrderId);
      expect(unacknowledged.length).toBeLessThanOrEqual(burst.ambiguousFailures.length);

      const views = await ordersAndTickets(running(), ledger);
      expectNone('orders whose state or ticket is not what their decision says', stateMismatches(ledger, views));
      expectNone('events applied twice or missing', [
        ...[...ledger.orders.values()].flatMap(orderViolations),
        ...inboxViolations(ledger),
        ...ledger.strays.map((event) => `${event.type} ${event.eventId} for an order the orders database does not know`),
      ]);
      await expectAccountsBalanced(running(), shop.creditLimits, views);
      await expectQuerySideAgrees(running(), views);

      const approved = views.filter(({ order: view }) => view.state === 'APPROVED');
      const rejected = views.filter(({ order: view }) => view.state === 'REJECTED');
      const rejectedForCredit = rejected.filter(({ order: view }) => /^accounting: /.test(view.rejectionReason));
      expect(approved.length).toBeGreaterThanOrEqual(AT_LEAST_PER_BRANCH);
      expect(rejectedForCredit.length).toBeGreaterThanOrEqual(AT_LEAST_PER_BRANCH);

      console.log(
        [
          `crash test: ${ledger.orders.size} orders (${BURST.orders} acknowledged, 1 warm-up, ${unacknowledged.length} from ambiguous POSTs)`,
          `  ${approved.length} APPROVED, ${rejected.length} REJECTED (${rejectedForCredit.length} for credit, ${rejected.length - rejectedForCredit.length} otherwise)`,
          `  POSTs: ${burst.refusedRetries} refused and sent again, ${burst.ambiguousFailures.length} ambiguous${burst.ambiguousFailures.length ? ` (${[...new Set(burst.ambiguousFailures)].join('; ')})` : ''}`,
          ...burst.crashes.map((crash) => `  killed ${crash.app} (pid ${crash.killedPid}, ${crash.killedBy}) after ${crash.afterOrders} orders; pid ${crash.restartedPid} healthy ${crash.outageMs} ms later`),
          `  set-up ${setUpMs} ms, burst ${burst.durationMs} ms, settled ${settledAt - startedAt - setUpMs - burst.durationMs} ms later, checked in ${Date.now() - settledAt} ms`,
        ].join('\n'),
      );
    }));
});

/** A failed run shows what every incarnation of every app wrote (their last lines): the evidence for a bug report. */
async function withLogsOnFailure(platform: Platform, test: () => Promise<void>): Promise<void> {
  try {
    await test();
  } catch (error) {
    console.log(PLATFORM_APPS.map((app) => platform.logs(app)).join('\n'));
    throw error;
  }
}

/** Each planned kill was a SIGKILL and a new process (another pid) now runs in its place. */
function expectEveryCrashHappened(platform: Platform, burst: BurstResult): void {
  expect(burst.crashes.map((crash) => crash.app).sort()).toEqual(BURST.crashes.map((crash) => crash.app).sort());
  for (const crash of burst.crashes) {
    expect(crash.killedBy).toBe('SIGKILL');
    expect(crash.restartedPid).toBeDefined();
    expect(crash.restartedPid).not.toBe(crash.killedPid);
  }
  for (const app of new Set<PlatformApp>(BURST.crashes.map((crash) => crash.app))) {
    const incarnations = platform.incarnations(app);
    const kills = BURST.crashes.filter((crash) => crash.app === app).length;
    expect(incarnations).toHaveLength(kills + 1);
    expect(new Set(incarnations.map((incarnation) => incarnation.pid)).size).toBe(kills + 1);
    expect(incarnations.slice(0, -1).map((incarnation) => incarnation.exitSignal)).toEqual(Array(kills).fill('SIGKILL'));
    expect(incarnations[kills].exited).toBe(false);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- HTTP bodies as the services answered them
type View = { order: any; ticket: any };

/** GET /orders/:id and GET /tickets/:orderId for every order, a few requests at a time. */
async function ordersAndTickets(platform: Platform, ledger: OrderLedger): Promise<View[]> {
  const orderIds = [...ledger.orders.keys()];
  const views: View[] = [];
  const worker = async () => {
    for (let orderId = orderIds.pop(); orderId; orderId = orderIds.pop()) {
      const [orderView, ticketView] = await Promise.all([order(platform, orderId), ticket(platform, orderId)]);
      views.push({ order: expectStatus(orderView, 200).body, ticket: expectStatus(ticketView, 200).body });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return views;
}

/**
 * APPROVED or REJECTED as the orders store decided; the kitchen's ticket awaits acceptance for an
 * approved order and is cancelled for a rejected one (SPEC §2: the kitchen cancels on rejection).
 */
function stateMismatches(ledger: OrderLedger, views: View[]): string[] {
  const expected = { OrderApproved: ['APPROVED', 'AWAITING_ACCEPTANCE'], OrderRejected: ['REJECTED', 'CANCELLED'] } as const;
  return views.flatMap(({ order: view, ticket: ticketView }) => {
    const decision = ledger.orders.get(view.orderId)?.decision?.type as keyof typeof expected | undefined;
    const [orderState, ticketState] = decision ? expected[decision] : ['decided', 'final'];
    return view.state === orderState && ticketView.state === ticketState
      ? []
      : [`order ${view.orderId}: ${view.state} with ticket ${ticketView.state}, expected ${orderState} with ticket ${ticketState}`];
  });
}

/** availableCents = creditLimitCents - the totals of the consumer's APPROVED orders: declined ones took nothing, rejected ones were voided. */
async function expectAccountsBalanced(platform: Platform, creditLimits: ReadonlyMap<string, number>, views: View[]): Promise<void> {
  const mismatches: string[] = [];
  for (const [consumerId, creditLimitCents] of creditLimits) {
    const approvedTotal = views
      .filter(({ order: view }) => view.consumerId === consumerId && view.state === 'APPROVED')
      .reduce((sum, { order: view }) => sum + view.orderTotalCents, 0);
    const body = expectStatus(await account(platform, consumerId), 200).body;
    if (body.creditLimitCents !== creditLimitCents || body.availableCents !== creditLimitCents - approvedTotal) {
      mismatches.push(`account ${consumerId}: limit ${body.creditLimitCents}, available ${body.availableCents}; expected ${creditLimitCents} - ${approvedTotal} approved`);
    }
  }
  expectNone('accounts out of balance', mismatches);
}

/**
 * order-history heard the same story, duplicates and redeliveries after the crashes included:
 * every order's view ends with the state and ticket state the owning contexts answer.
 */
async function expectQuerySideAgrees(platform: Platform, views: View[]): Promise<void> {
  const history = platform.app('order-history');
  await eventually(async () => {
    const disagreements: string[] = [];
    for (const { order: view, ticket: ticketView } of views) {
      const answer = await call(history, 'GET', `/order-history/orders/${view.orderId}`);
      const seen = answer.status === 200 ? `${answer.body.state} with ticket ${answer.body.ticket?.state}` : `HTTP ${answer.status}`;
      if (seen !== `${view.state} with ticket ${ticketView.state}`) disagreements.push(`order ${view.orderId}: order-history shows ${seen}`);
    }
    expectNone('orders the query side shows differently', disagreements);
  }, SETTLED);
}

/** The first few of a list that must be empty, and how many there are, so a failure reads at a glance. */
function expectNone(what: string, found: string[]): void {
  expect({ [what]: found.length, first: found.slice(0, 15) }).toEqual({ [what]: 0, first: [] });
}
