import { natsUrl, testNamespace } from '@brigade/testing';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats } from '../../src';

// Every app connection comes from connectNats: requests (each JetStream publish is one) build no
// error traces up front, and a failed one still says what failed.
describe('connectNats', () => {
  let nc: NatsConnection;

  beforeAll(async () => {
    nc = await connectNats({ servers: natsUrl(), name: 'connection-spec' });
  });

  afterAll(async () => {
    await nc?.close();
  });

  it('builds no async error traces for requests', () => {
    expect((nc as NatsConnection & { options: { noAsyncTraces?: boolean } }).options.noAsyncTraces).toBe(true);
  });

  it('rejects a publish no stream captures with an error naming the cause', async () => {
    const subject = `${testNamespace().subjectPrefix}nowhere.test`;
    // The client words a publish that no stream captures as "jetstream is not enabled".
    await expect(jetstream(nc).publish(subject, 'x', { timeout: 2_000 })).rejects.toThrow(/no responders|jetstream is not enabled/i);
  });
});
