import { setTimeout as delay } from 'node:timers/promises';
import { eventually } from '@brigade/testing';
import type { Consumer, JetStreamClient } from '@nats-io/jetstream';
import { consumerSettings } from '../../src';
import { DurableWorker } from '../../src/lib/consumer/durable-worker';
import { groupHandlers } from '../../src/lib/consumer/handler-groups';
import { AckBuffer } from '../../src/lib/consumer/ack-buffer';
import { LaneScheduler } from '../../src/lib/consumer/lanes';
import { APP, ConsumerHarness } from './support/consumer-harness';
import { MENU_REVISED } from './support/recording.consumer';

// A worker's stop can come at any point of a cycle's start-up (a resync after a reconnect begins
// a new cycle at once); it must still end that cycle and return.
describe('JetStream consumer: stopping', () => {
  let harness: ConsumerHarness;

  beforeAll(async () => {
    harness = await ConsumerHarness.open('consumer_stop');
  });

  afterAll(async () => {
    await harness?.close();
  });

  const startUpSteps = ['fetching its consumer', 'asking for deliveries'] as const;

  it.each(startUpSteps)('returns when it comes while a new cycle is %s', async (step) => {
    const ns = await harness.namespace();
    let cyclesStarted = 0;
    let stopped: Promise<void> | undefined;
    const stopDuringSecondCycle = () => {
      if (cyclesStarted === 2) stopped ??= worker.stop();
    };
    const js = observedClient(harness.js, async (consumer) => {
      cyclesStarted++;
      if (step === 'fetching its consumer') stopDuringSecondCycle();
      const consume = consumer.consume.bind(consumer);
      consumer.consume = (options) => {
        if (step === 'asking for deliveries') stopDuringSecondCycle();
        return consume(options);
      };
      return consumer;
    });
    const [group] = groupHandlers(APP, ns, [{ pattern: MENU_REVISED, handler: 'record', callback: async () => undefined }]);
    const worker = new DurableWorker({
      app: APP,
      group,
      settings: consumerSettings({ app: APP, namespace: ns }),
      js,
      jsm: harness.jsm,
      dataSource: harness.db,
      connectionClosed: () => false,
      logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
      lanes: new LaneScheduler(async () => undefined, 1), // no lanes here
      acks: new AckBuffer(0),
      report: () => undefined,
    });

    await worker.start();
    await eventually(() => expect(cyclesStarted).toBe(1));
    worker.resync('test: a new cycle');
    await eventually(() => expect(stopped).toBeDefined());

    const outcome = await Promise.race([stopped?.then(() => 'stopped'), delay(10_000, 'still stopping after 10 s', { ref: false })]);
    expect(outcome).toBe('stopped');
  });
});

/** The real client, with every consumer it hands out passed through `seen` first. */
function observedClient(js: JetStreamClient, seen: (consumer: Consumer) => Promise<Consumer>): JetStreamClient {
  const consumers = new Proxy(js.consumers, {
    get: (target, key) =>
      key === 'get' ? (...args: Parameters<typeof target.get>) => target.get(...args).then(seen) : Reflect.get(target, key),
  });
  return new Proxy(js, { get: (target, key) => (key === 'consumers' ? consumers : Reflect.get(target, key)) });
}
