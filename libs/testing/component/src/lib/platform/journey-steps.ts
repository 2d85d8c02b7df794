import { as, call, HttpAnswer } from '../http';
import { eventually } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { Platform } from './platform';

/** Events cross three processes and NATS: generous, yet far below the test timeout. */
export const SETTLE = { timeoutMs: 30_000, intervalMs: 100 };

export interface MenuItem {
  readonly menuItemId: string;
  readonly name: string;
  readonly priceCents: number;
}

export const aMenuItem = (name: string, priceCents: number): MenuItem => ({ menuItemId: randomUUID(), name, priceCents });

const DELIVERY_ADDRESS = { street1: '9 Elm St', city: 'Oakland', zip: '94612' };

export function expectStatus(answer: HttpAnswer, status: number): HttpAnswer {
  if (answer.status !== status) throw new Error(`expected HTTP ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer;
}

/** Registers a consumer and waits for accounting to open the account (it does so from an event). */
export async function registerConsumer(platform: Platform, firstName: string): Promise<string> {
  const email = `${firstName.toLowerCase()}-${randomUUID()}@example.com`;
  const registered = expectStatus(await call(platform.app('consumers'), 'POST', '/consumers', { name: { firstName, lastName: 'E2e' }, email }), 201);
  const consumerId: string = registered.body.consumerId;
  await eventually(async () => expectStatus(await account(platform, consumerId), 200), SETTLE);
  return consumerId;
}

export function account(platform: Platform, consumerId: string): Promise<HttpAnswer> {
  return call(platform.app('accounting'), 'GET', `/accounts/${consumerId}`);
}

export async function setCreditLimit(platform: Platform, consumerId: string, creditLimitCents: number): Promise<void> {
  expectStatus(await call(platform.app('accounting'), 'PUT', `/accounts/${consumerId}/credit-limit`, { creditLimitCents }), 200);
}

export async function createRestaurant(platform: Platform, name: string, menu: MenuItem[]): Promise<string> {
  const body = { name, address: { street1: '1 Main St', city: 'Oakland', zip: '94611' }, menu };
  return expectStatus(await call(platform.app('restaurants'), 'POST', '/restaurants', body), 201).body.restaurantId;
}

export async function openRestaurant(platform: Platform, restaurantId: string): Promise<void> {
  expectStatus(await call(platform.app('restaurants'), 'POST', `/restaurants/${restaurantId}/open`), 200);
}

export function postOrder(platform: Platform, consumerId: string, restaurantId: string, lines: { menuItemId: string; quantity: number }[]): Promise<HttpAnswer> {
  return call(platform.app('orders'), 'POST', '/orders', { consumerId, restaurantId, lineItems: lines, deliveryAddress: DELIVERY_ADDRESS });
}

/** Places an order, retrying while the orders replica has not yet seen the restaurant (404/422). */
export async function placeOrder(...args: Parameters<typeof postOrder>): Promise<string> {
  const answer = await eventually(async () => expectStatus(await postOrder(...args), 201), SETTLE);
  return answer.body.orderId;
}

/**
 * Whether a failed request certainly never reached the server (nothing listened on its port),
 * so sending it again cannot do anything twice. Any other failure (a reset or hang-up mid-request)
 * is ambiguous: the server may have acted on it.
 */
export function isConnectionRefused(error: unknown): boolean {
  return (error as { cause?: { code?: unknown } } | null)?.cause?.code === 'ECONNREFUSED';
}

export function order(platform: Platform, orderId: string): Promise<HttpAnswer> {
  return call(platform.app('orders'), 'GET', `/orders/${orderId}`);
}

export function ticket(platform: Platform, orderId: string): Promise<HttpAnswer> {
  return call(platform.app('kitchen'), 'GET', `/tickets/${orderId}`);
}

/** Polls `read` until its 200 body has `state`; answers that body. */
export function eventuallyInState(read: () => Promise<HttpAnswer>, state: string) {
  return eventually(async () => {
    const answer = expectStatus(await read(), 200);
    if (answer.body.state !== state) throw new Error(`state is ${answer.body.state}, waiting for ${state}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }, SETTLE);
}

export function delivery(platform: Platform, orderId: string): Promise<HttpAnswer> {
  return call(platform.app('delivery'), 'GET', `/deliveries/${orderId}`);
}

/** Registers a courier and puts them on shift. */
export async function availableCourier(platform: Platform, name: string): Promise<string> {
  const courierId: string = expectStatus(await call(platform.app('delivery'), 'POST', '/couriers', { name }), 201).body.courierId;
  await setCourierAvailability(platform, courierId, true);
  return courierId;
}

export async function setCourierAvailability(platform: Platform, courierId: string, available: boolean): Promise<void> {
  const answer = await call(platform.app('delivery'), 'POST', `/couriers/${courierId}/availability`, { available });
  if (answer.status >= 300) throw new Error(`availability of courier ${courierId}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** The restaurant accepts the ticket, promising it ready in half an hour; answers readyBy. */
export async function acceptTicket(platform: Platform, orderId: string): Promise<string> {
  const readyBy = new Date(Date.now() + 30 * 60_000).toISOString();
  expectStatus(await call(platform.app('kitchen'), 'POST', `/tickets/${orderId}/accept`, { readyBy }), 200);
  return readyBy;
}

/** POSTs a step of the order's ticket (`preparing`, `ready`) or delivery (`pickup`, `deliver`), expecting success. */
export async function kitchenStep(platform: Platform, orderId: string, step: 'preparing' | 'ready'): Promise<void> {
  expectStatus(await call(platform.app('kitchen'), 'POST', `/tickets/${orderId}/${step}`), 200);
}

export async function deliveryStep(platform: Platform, orderId: string, step: 'pickup' | 'deliver'): Promise<HttpAnswer> {
  const answer = await call(platform.app('delivery'), 'POST', `/deliveries/${orderId}/${step}`);
  if (answer.status >= 300) throw new Error(`${step} of ${orderId}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

export interface SignedUpConsumer {
  readonly consumerId: string;
  readonly email: string;
  /** `{ authorization: 'Bearer …' }` of the consumer's own token. */
  readonly headers: Record<string, string>;
}

/** Signs up through identity, logs in, and waits for accounting to open the consumer's account. */
export async function signUpConsumer(platform: Platform, firstName: string): Promise<SignedUpConsumer> {
  const email = `${firstName.toLowerCase()}-${randomUUID()}@example.com`;
  const password = `pw-${randomUUID()}`;
  const identity = platform.app('identity');
  const signedUp = expectStatus(await call(as(identity, {}), 'POST', '/auth/signup', { email, password, name: { firstName, lastName: 'E2e' } }), 201);
  const headers = { authorization: `Bearer ${await platform.token(email, password)}` };
  const consumerId: string = signedUp.body.consumerId;
  await eventually(async () => expectStatus(await call(as(platform.app('accounting'), headers), 'GET', `/accounts/${consumerId}`), 200), SETTLE);
  return { consumerId, email, headers };
}

/** A staff, courier or admin user created by the platform's admin; answers its token's headers. */
export async function userFor(platform: Platform, role: 'restaurant' | 'courier' | 'admin', binding: { restaurantId?: string; courierId?: string } = {}) {
  const email = `${role}-${randomUUID()}@example.com`;
  const password = `pw-${randomUUID()}`;
  expectStatus(await call(platform.app('identity'), 'POST', '/auth/users', { email, password, role, ...binding }), 201);
  return { authorization: `Bearer ${await platform.token(email, password)}` };
}
