import { connect } from '@nats-io/transport-node';
import { jetstreamManager, jetstream } from '@nats-io/jetstream';
import { startNatsServer, NatsServer } from './nats-server';

async function withConnection<T>(url: string, work: (nc: Awaited<ReturnType<typeof connect>>) => Promise<T>): Promise<T> {
  const nc = await connect({ servers: url, reconnect: false });
  try {
    return await work(nc);
  } finally {
    await nc.close();
  }
}

async function isReachable(url: string): Promise<boolean> {
  return connect({ servers: url, reconnect: false, timeout: 1_000 }).then(
    (nc) => nc.close().then(() => true),
    () => false,
  );
}

describe('startNatsServer', () => {
  let server: NatsServer;

  beforeAll(async () => {
    server = await startNatsServer();
  });
  afterAll(() => server?.stop());

  it('keeps JetStream data across a stop and a restart on the same port', async () => {
    await withConnection(server.url, async (nc) => {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({ name: 'ORDERS', subjects: ['orders.>'] });
      await jetstream(nc).publish('orders.order.created.v1', JSON.stringify({ orderId: 'o-1' }));
    });

    await server.stop();
    expect(await isReachable(server.url)).toBe(false);
    await server.start();

    const stored = await withConnection(server.url, async (nc) => {
      const jsm = await jetstreamManager(nc);
      return jsm.streams.getMessage('ORDERS', { seq: 1 });
    });
    expect(stored?.subject).toBe('orders.order.created.v1');
    expect(stored?.json()).toEqual({ orderId: 'o-1' });
  });

  it('can be killed and started again', async () => {
    server.kill();
    await server.start();
    expect(await isReachable(server.url)).toBe(true);
    const streams = await withConnection(server.url, async (nc) => (await jetstreamManager(nc)).streams.names().next());
    expect(streams).toContain('ORDERS');
  });

  it('gives each server its own port', async () => {
    const other = await startNatsServer();
    try {
      expect(other.port).not.toBe(server.port);
      expect(await isReachable(other.url)).toBe(true);
    } finally {
      await other.stop();
    }
  });
});
