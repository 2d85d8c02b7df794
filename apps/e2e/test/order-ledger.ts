import { InboxRecord, Platform, readAppRecords, StoredRecord } from '@brigade/component-testing';

// What the four contexts stored about every order, read from their databases: the ground truth
// a crash test checks (which orders exist, what each context did once, what each inbox answered).

/** The durables that carry the CreateOrder saga, `<consuming app>--<handler>`. */
export const DURABLES = {
  ticketLifecycle: 'kitchen--ticket-lifecycle',
  paymentAuthorization: 'accounting--payment-authorization',
  orderValidation: 'consumers--order-validation',
  consumerVerdicts: 'orders--consumer-verdicts',
  kitchenVerdicts: 'orders--kitchen-verdicts',
  paymentVerdicts: 'orders--payment-verdicts',
} as const;

const PARTICIPANTS = ['consumer', 'kitchen', 'accounting'] as const;
const TICKET_EVENTS = ['TicketCreated', 'TicketRejected', 'TicketConfirmed', 'TicketCancelled', 'OrderRejectionNoted'];
const PAYMENT_EVENTS = ['PaymentAuthorized', 'PaymentDeclined', 'PaymentVoided'];
const VALIDATION_EVENTS = ['OrderValidated', 'OrderValidationFailed'];

/** One order as every context recorded it. `decision` is its OrderApproved/OrderRejected, once decided. */
export interface OrderRecords {
  readonly orderId: string;
  readonly created: StoredRecord;
  readonly decision: StoredRecord | undefined;
  /** Its own stream (orders), its CreateOrder saga's stream (orders), its ticket (kitchen), payment (accounting), validation (consumers). */
  readonly order: StoredRecord[];
  readonly saga: StoredRecord[];
  readonly ticket: StoredRecord[];
  readonly payment: StoredRecord[];
  readonly validation: StoredRecord[];
}

export interface OrderLedger {
  /** Every order the orders database holds (OrderCreated), whether or not its POST was answered. */
  readonly orders: ReadonlyMap<string, OrderRecords>;
  /** Participants' events about orders the orders database does not know: none should exist. */
  readonly strays: readonly StoredRecord[];
  readonly inbox: Readonly<Record<'orders' | 'kitchen' | 'accounting' | 'consumers', readonly InboxRecord[]>>;
}

/**
 * Each database is read in one snapshot (events and inbox together). The four snapshots are
 * taken at different moments, which the checks allow for: what one context did is only
 * required of the others once that context's snapshot shows it.
 */
export async function readOrderLedger(platform: Platform): Promise<OrderLedger> {
  const [ordersRecords, kitchen, accounting, consumers] = await Promise.all([
    readAppRecords(platform, 'orders'),
    readAppRecords(platform, 'kitchen', TICKET_EVENTS),
    readAppRecords(platform, 'accounting', PAYMENT_EVENTS),
    readAppRecords(platform, 'consumers', VALIDATION_EVENTS),
  ]);
  const [ordersEvents, ticketEvents, paymentEvents, validationEvents] = [ordersRecords.events, kitchen.events, accounting.events, consumers.events];
  const orders = new Map<string, OrderRecords>();
  for (const created of ordersEvents.filter((event) => event.type === 'OrderCreated')) {
    const orderId: string = created.data.orderId;
    const about = (event: StoredRecord) => event.data.orderId === orderId;
    const order = ordersEvents.filter((event) => event.streamType === 'order' && event.streamId === orderId);
    orders.set(orderId, {
      orderId,
      created,
      decision: order.find((event) => event.type === 'OrderApproved' || event.type === 'OrderRejected'),
      order,
      saga: ordersEvents.filter((event) => event.streamType === 'create-order-saga' && about(event)),
      ticket: ticketEvents.filter(about),
      payment: paymentEvents.filter(about),
      validation: validationEvents.filter(about),
    });
  }
  const strays = [...ticketEvents, ...paymentEvents, ...validationEvents].filter((event) => !orders.has(event.data.orderId));
  return { orders, strays, inbox: { orders: ordersRecords.inbox, kitchen: kitchen.inbox, accounting: accounting.inbox, consumers: consumers.inbox } };
}

/**
 * What is still to happen for the ledger to be final, in words (empty: settled): an order not
 * decided yet, or an event of the saga that a durable has not answered yet (a participant's
 * follow-up, e.g. the kitchen cancelling a ticket, commits with that answer).
 */
export function unfinishedWork(ledger: OrderLedger): string[] {
  const answered = (app: keyof OrderLedger['inbox'], durable: string) => new Set(ledger.inbox[app].filter((row) => row.consumer === durable).map((row) => row.eventId));
  const kitchen = answered('kitchen', DURABLES.ticketLifecycle);
  const accounting = answered('accounting', DURABLES.paymentAuthorization);
  const consumers = answered('consumers', DURABLES.orderValidation);
  const verdicts = {
    consumer: answered('orders', DURABLES.consumerVerdicts),
    kitchen: answered('orders', DURABLES.kitchenVerdicts),
    accounting: answered('orders', DURABLES.paymentVerdicts),
  };
  const unfinished: string[] = [];
  const expect = (done: boolean, what: string) => {
    if (!done) unfinished.push(what);
  };
  for (const order of ledger.orders.values()) {
    const { orderId, created, decision } = order;
    expect(decision !== undefined, `order ${orderId} is not decided`);
    expect(kitchen.has(created.eventId) && consumers.has(created.eventId) && accounting.has(created.eventId), `OrderCreated of ${orderId} not answered by every participant`);
    if (decision) expect(kitchen.has(decision.eventId), `${decision.type} of ${orderId} not answered by the kitchen`);
    if (decision?.type === 'OrderRejected') expect(accounting.has(decision.eventId), `OrderRejected of ${orderId} not answered by accounting`);
    for (const verdict of order.validation) expect(verdicts.consumer.has(verdict.eventId), `${verdict.type} of ${orderId} not answered by orders`);
    for (const verdict of verdictEvents(order.ticket)) expect(verdicts.kitchen.has(verdict.eventId), `${verdict.type} of ${orderId} not answered by orders`);
    for (const verdict of verdictEvents(order.payment)) expect(verdicts.accounting.has(verdict.eventId), `${verdict.type} of ${orderId} not answered by orders`);
  }
  return unfinished;
}

/**
 * Each context did each thing exactly once per order, and its final state matches the decision:
 * a duplicate event here means an event was applied twice. Empty when all is well.
 */
export function orderViolations(order: OrderRecords): string[] {
  const violations: string[] = [];
  const approved = order.decision?.type === 'OrderApproved';
  const check = (holds: boolean, what: string) => {
    if (!holds) violations.push(`order ${order.orderId} (${order.decision?.type ?? 'undecided'}): ${what}`);
  };
  const count = (events: StoredRecord[], type: string) => events.filter((event) => event.type === type).length;

  check(order.order.map((event) => event.type).join(',') === `OrderCreated,${approved ? 'OrderApproved' : 'OrderRejected'}`, `order stream is ${types(order.order)}`);

  check(count(order.saga, 'CreateOrderSagaStarted') === 1, `saga stream is ${types(order.saga)}`);
  check(count(order.saga, 'CreateOrderApproved') + count(order.saga, 'CreateOrderRejected') === 1, `saga decided ${types(order.saga)}`);
  for (const participant of PARTICIPANTS) {
    const recorded = order.saga.filter((event) => event.type === 'VerdictRecorded' && event.data.participant === participant);
    check(approved ? recorded.length === 1 && recorded[0].data.approved === true : recorded.length <= 1, `${recorded.length} verdicts recorded for ${participant}`);
  }

  check(count(order.ticket, 'TicketCreated') === 1 && count(order.ticket, 'TicketRejected') === 0, `ticket events ${types(order.ticket)}`);
  const [confirmed, cancelled] = [count(order.ticket, 'TicketConfirmed'), count(order.ticket, 'TicketCancelled')];
  check(approved ? confirmed === 1 && cancelled === 0 : confirmed === 0 && cancelled === 1, `ticket events ${types(order.ticket)}`);

  const [authorized, declined, voided] = PAYMENT_EVENTS.map((type) => count(order.payment, type));
  check(authorized + declined === 1, `payment events ${types(order.payment)}`);
  check(approved ? authorized === 1 && voided === 0 : voided === authorized, `payment events ${types(order.payment)}`);
  const total: number = order.created.data.orderTotalCents;
  check(order.payment.every((event) => event.data.amountCents === total), `payment amounts differ from the order total ${total}`);

  check(count(order.validation, 'OrderValidated') === 1 && count(order.validation, 'OrderValidationFailed') === 0, `validation events ${types(order.validation)}`);
  return violations;
}

/**
 * Inbox counts: every durable answered each event it was given once (the inbox's key sees to
 * that), each answer was `processed`, and the effects counted in the stores equal the answers
 * counted in the inboxes: as many tickets as order-created events the kitchen processed, etc.
 */
export function inboxViolations(ledger: OrderLedger): string[] {
  const orders = [...ledger.orders.values()];
  const ids = (events: (StoredRecord | undefined)[]) => new Set(events.flatMap((event) => (event ? [event.eventId] : [])));
  const created = ids(orders.map((order) => order.created));
  const approvals = ids(orders.map((order) => (order.decision?.type === 'OrderApproved' ? order.decision : undefined)));
  const rejections = ids(orders.map((order) => (order.decision?.type === 'OrderRejected' ? order.decision : undefined)));
  const all = <K extends keyof OrderRecords>(key: K) => orders.flatMap((order) => order[key] as StoredRecord[]);
  const effects = (events: StoredRecord[], ...types: string[]) => events.filter((event) => types.includes(event.type)).length;
  const processed = (app: keyof OrderLedger['inbox'], durable: string, of: Set<string>) =>
    ledger.inbox[app].filter((row) => row.consumer === durable && row.outcome === 'processed' && of.has(row.eventId)).length;

  const violations: string[] = [];
  const equal = (what: string, inboxCount: number, effectCount: number) => {
    if (inboxCount !== effectCount) violations.push(`${what}: ${inboxCount} processed in the inbox, ${effectCount} effects stored`);
  };
  const tickets = all('ticket');
  equal('kitchen, order created -> ticket created', processed('kitchen', DURABLES.ticketLifecycle, created), effects(tickets, 'TicketCreated', 'TicketRejected'));
  equal('kitchen, order approved -> ticket confirmed', processed('kitchen', DURABLES.ticketLifecycle, approvals), effects(tickets, 'TicketConfirmed'));
  equal('kitchen, order rejected -> ticket cancelled', processed('kitchen', DURABLES.ticketLifecycle, rejections), effects(tickets, 'TicketCancelled'));
  const payments = all('payment');
  equal('accounting, order created -> payment authorized or declined', processed('accounting', DURABLES.paymentAuthorization, created), effects(payments, 'PaymentAuthorized', 'PaymentDeclined'));
  const authorizedThenRejected = orders.filter((order) => order.decision?.type === 'OrderRejected' && order.payment.some((event) => event.type === 'PaymentAuthorized'));
  equal('accounting, authorized order rejected -> payment voided', processed('accounting', DURABLES.paymentAuthorization, ids(authorizedThenRejected.map((order) => order.decision))), effects(payments, 'PaymentVoided'));
  equal('consumers, order created -> order validated', processed('consumers', DURABLES.orderValidation, created), effects(all('validation'), ...VALIDATION_EVENTS));
  const sources = { consumer: [DURABLES.consumerVerdicts, all('validation')], kitchen: [DURABLES.kitchenVerdicts, verdictEvents(tickets)], accounting: [DURABLES.paymentVerdicts, verdictEvents(payments)] } as const;
  for (const participant of PARTICIPANTS) {
    const [durable, verdicts] = sources[participant];
    equal(`orders, ${participant} verdicts received`, processed('orders', durable, ids(verdicts)), verdicts.length);
    // A verdict that arrives after the decision is answered but records nothing.
    const recorded = all('saga').filter((event) => event.type === 'VerdictRecorded' && event.data.participant === participant).length;
    if (recorded > verdicts.length) violations.push(`orders recorded ${recorded} ${participant} verdicts out of ${verdicts.length} received`);
  }
  for (const [app, rows] of Object.entries(ledger.inbox)) {
    for (const row of rows.filter((row) => row.outcome !== 'processed')) violations.push(`${app} inbox: ${row.consumer} ${row.outcome} ${row.eventId}: ${JSON.stringify(row.detail)}`);
  }
  return violations;
}

/** The participants' answers to an order's creation (their follow-ups are not verdicts). */
function verdictEvents(events: StoredRecord[]): StoredRecord[] {
  return events.filter((event) => ['TicketCreated', 'TicketRejected', 'PaymentAuthorized', 'PaymentDeclined'].includes(event.type));
}

function types(events: StoredRecord[]): string {
  return `[${events.map((event) => `${event.type} v${event.streamVersion} tx ${event.transactionId}`).join(', ')}]`;
}
