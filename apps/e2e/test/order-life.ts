import { call, delivery, HttpAnswer, order, Platform, ticket } from '@brigade/component-testing';
import { setTimeout as sleep } from 'node:timers/promises';

// Drives an order through a scripted life over HTTP while apps die and come back: every step
// observes first and acts only when the state allows it, so a request lost to a crash (refused,
// reset, answered by nobody) is simply tried again on the next round, and one that did reach its
// app is never repeated once its effect shows.

/** What a script does with an approved order. */
export type Script = 'cancel' | 'revise' | 'deliver' | 'cancel-while-preparing' | 'revise-then-cancel' | 'revise-then-deliver';
export const SCRIPTS: readonly Script[] = ['cancel', 'revise', 'deliver', 'cancel-while-preparing', 'revise-then-cancel', 'revise-then-deliver'];

export interface LifeOptions {
  /** The revision's lines (a script that revises asks for these). */
  readonly revisedLines: { menuItemId: string; quantity: number }[];
  /** A step still not done this long after its script started fails the script. */
  readonly timeoutMs: number;
}

export interface Life {
  readonly orderId: string;
  readonly script: Script;
  /** Every step taken, with what its app answered when it acted (status codes), for the report. */
  readonly steps: string[];
  /** Set when the order was rejected at creation: nothing more to do. */
  readonly rejected: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- HTTP bodies as the services answered them
type Body = any;

const ROUND_MS = 150;
const TICKET_ORDER = ['AWAITING_ACCEPTANCE', 'ACCEPTED', 'PREPARING', 'READY_FOR_PICKUP', 'PICKED_UP'];
const DELIVERY_ORDER = ['PENDING', 'ASSIGNED', 'PICKED_UP', 'DELIVERED'];

export async function liveOrder(platform: Platform, orderId: string, script: Script, options: LifeOptions): Promise<Life> {
  const steps: string[] = [];
  const deadline = Date.now() + options.timeoutMs;
  const driver = new Driver(platform, orderId, steps, deadline);

  const decided = await driver.until('decided', () => order(platform, orderId), (o) => o.state === 'APPROVED' || o.state === 'REJECTED');
  if (decided.state === 'REJECTED') return { orderId, script, steps, rejected: true };

  if (script === 'revise' || script === 'revise-then-cancel' || script === 'revise-then-deliver') await driver.revise(options.revisedLines);
  if (script === 'cancel' || script === 'revise-then-cancel') await driver.cancel();
  if (script === 'deliver' || script === 'revise-then-deliver') await driver.deliver();
  if (script === 'cancel-while-preparing') {
    await driver.ticketTo('ACCEPTED', 'accept');
    await driver.ticketTo('PREPARING', 'preparing');
    await driver.cancel();
    await driver.deliver();
  }
  return { orderId, script, steps, rejected: false };
}

class Driver {
  constructor(
    private readonly platform: Platform,
    private readonly orderId: string,
    private readonly steps: string[],
    private readonly deadline: number,
  ) {}

  /** Asks for a cancel until the order shows its outcome (done, or refused: the kitchen was preparing). */
  async cancel(): Promise<void> {
    await this.change('CANCEL', 'cancel', undefined);
  }

  async revise(lineItems: { menuItemId: string; quantity: number }[]): Promise<void> {
    await this.change('REVISE', 'revise', { lineItems });
  }

  /** Accept, preparing, ready (kitchen), then pickup and deliver (delivery): to the door. */
  async deliver(): Promise<void> {
    await this.ticketTo('ACCEPTED', 'accept');
    await this.ticketTo('PREPARING', 'preparing');
    await this.ticketTo('READY_FOR_PICKUP', 'ready');
    await this.deliveryTo('PICKED_UP', 'pickup');
    await this.deliveryTo('DELIVERED', 'deliver');
  }

  /** One kitchen step, taken when the ticket stands just before it. */
  async ticketTo(target: string, step: 'accept' | 'preparing' | 'ready'): Promise<void> {
    const index = TICKET_ORDER.indexOf(target);
    const body = step === 'accept' ? { readyBy: new Date(Date.now() + 30 * 60_000).toISOString() } : undefined;
    await this.until(
      `ticket ${target}`,
      () => ticket(this.platform, this.orderId),
      (t) => TICKET_ORDER.indexOf(t.state) >= index,
      (t) => (TICKET_ORDER.indexOf(t.state) === index - 1 ? this.post('kitchen', `/tickets/${this.orderId}/${step}`, body) : undefined),
    );
  }

  /** One delivery step, taken when the delivery stands just before it (a pickup waits for the ticket to be ready). */
  async deliveryTo(target: string, step: 'pickup' | 'deliver'): Promise<void> {
    const index = DELIVERY_ORDER.indexOf(target);
    await this.until(
      `delivery ${target}`,
      () => delivery(this.platform, this.orderId),
      (d) => DELIVERY_ORDER.indexOf(d.state) >= index,
      (d) => (DELIVERY_ORDER.indexOf(d.state) === index - 1 ? this.post('delivery', `/deliveries/${this.orderId}/${step}`) : undefined),
    );
  }

  /** Asks for a change while the order is APPROVED with nothing pending; done once its outcome shows. */
  private async change(type: 'CANCEL' | 'REVISE', path: 'cancel' | 'revise', body: object | undefined): Promise<void> {
    let asked = false;
    await this.until(
      `${path} outcome`,
      () => order(this.platform, this.orderId),
      (o) => asked && o.lastChange?.type === type && o.lastChange.outcome !== 'PENDING',
      async (o) => {
        if (o.lastChange?.type === type && o.lastChange.outcome === 'PENDING') return void (asked = true); // an earlier POST of ours got through
        const answer = await this.post('orders', `/orders/${this.orderId}/${path}`, body);
        // 409: the order is not APPROVED (preparing, say) or changed meanwhile: the change is refused for good.
        if (answer?.status === 202 || answer?.status === 409) asked = true;
        if (answer?.status === 409) this.steps.push(`${path}: refused (${answer.body.code}) in ${o.state}`);
      },
      (o) => asked && o.lastChange?.type !== type,
    );
  }

  /**
   * Polls `read` until `done`; between rounds `act` may send the step. A round whose read fails
   * (the app is down) just waits. `stop`: the order moved on without the step (e.g. a refused change).
   */
  async until(what: string, read: () => Promise<HttpAnswer>, done: (body: Body) => boolean, act?: (body: Body) => unknown, stop?: (body: Body) => boolean): Promise<Body> {
    for (;;) {
      const answer = await read().catch(() => null);
      if (answer?.status === 200) {
        if (done(answer.body) || stop?.(answer.body)) return answer.body;
        await act?.(answer.body);
      }
      if (Date.now() > this.deadline) throw new Error(`order ${this.orderId}: ${what} not reached in time; last answer ${answer ? `${answer.status} ${JSON.stringify(answer.body)}` : 'none'}; steps ${this.steps.join(', ')}`);
      await sleep(ROUND_MS);
    }
  }

  /** A POST whose failure (a dead app, a reset) is just a round lost: the next observation tells. */
  private async post(app: 'orders' | 'kitchen' | 'delivery', path: string, body?: object): Promise<HttpAnswer | null> {
    const answer = await call(this.platform.app(app), 'POST', path, body).catch(() => null);
    this.steps.push(`${path.split('/').pop()} ${answer?.status ?? 'lost'}`);
    return answer;
  }
}
