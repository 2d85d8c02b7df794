import { natsUrl, testNamespace } from '@brigade/testing';
import { JetStreamClient, JetStreamManager, JsMsg, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { MsgHdrsImpl } from '@nats-io/nats-core/internal';
import { MsgHdrs, NatsConnection, connect, headers } from '@nats-io/transport-node';
import { Namespace, contextStreamName, ensureContextStream, prefixed, rawMessageOf } from '../../src';
import { headerRecord } from '../../src/lib/consumer/consumed-event';
import { firstHeaderValues } from '../../src/lib/consumer/header-block';
import { receivedHeaderBlock } from '../../src/lib/consumer/received-header-block';

// rawMessageOf reads headers from the bytes the client received rather than through msg.headers
// (see receivedHeaderBlock). Real JetStream deliveries of the installed client must take that
// path (an upgrade that moves the private fields fails here instead of silently going slow) and
// must read exactly as msg.headers does.
describe('rawMessageOf on real JetStream deliveries', () => {
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let ns: Namespace;

  beforeAll(async () => {
    nc = await connect({ servers: natsUrl() });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
    ns = testNamespace();
    await ensureContextStream(jsm, ns, 'restaurants');
  });

  afterAll(async () => {
    await jsm?.streams.delete(contextStreamName(ns, 'restaurants')).catch(() => undefined);
    await nc?.close();
  });

  it('reads every header, seq and publish time from the received bytes, as msg.headers, msg.seq and msg.time read them', async () => {
    const varied = headers();
    varied.set('Brigade-Event-Id', '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b');
    varied.append('Brigade-Tag', 'first');
    varied.append('Brigade-Tag', 'second');
    varied.set('brigade-lower', 'kept as written');
    varied.set('Empty', '');
    varied.set('Brigade-Actor', '{"id":"user:42","role":"admin"}');
    varied.set('Brigade-Note', '  crème brûlée — 寿司 🍣  ');
    const single = headers();
    single.set('Brigade-Event-Id', '0b6f7a52-3c1e-4d8a-9f20-5e4d3c2b1a09');
    await publish('restaurants.one.v1', varied, { msgID: 'c2f1e0d9-8b7a-4c6d-9e5f-4a3b2c1d0e9f' });
    await publish('restaurants.two.v1', single);
    await publish('restaurants.three.v1', undefined);

    const [withVaried, withSingle, withNone] = await readAll(3);
    for (const msg of [withVaried, withSingle]) {
      const block = receivedHeaderBlock(msg);
      expect(block).toBeInstanceOf(Uint8Array); // the fast path, not the fallback
      expect(firstHeaderValues(block as Uint8Array)).not.toBeNull();
    }
    expect(receivedHeaderBlock(withNone)).toBeNull(); // read as "no headers", not as "not exposed"

    for (const msg of [withVaried, withSingle, withNone]) {
      const raw = rawMessageOf(msg);
      expect(raw.headers).toEqual(headerRecord(msg.headers));
      expect(Object.keys(raw.headers)).toEqual(Object.keys(headerRecord(msg.headers)));
      expect(raw.streamSequence).toBe(msg.seq);
      expect(raw.publishedAt).toBe(msg.time.toISOString());
      expect(raw.subject).toBe(msg.subject);
      expect(raw.body).toEqual(msg.data);
    }
    expect(rawMessageOf(withVaried).headers).toEqual({
      'Brigade-Event-Id': '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      'Brigade-Tag': 'first',
      'brigade-lower': 'kept as written',
      Empty: '',
      'Brigade-Actor': '{"id":"user:42","role":"admin"}',
      'Brigade-Note': 'crème brûlée — 寿司 🍣',
      'Nats-Msg-Id': 'c2f1e0d9-8b7a-4c6d-9e5f-4a3b2c1d0e9f',
    });
    expect(rawMessageOf(withNone).headers).toEqual({});
  });

  it('fails on a header block the client refuses, exactly as msg.headers fails', async () => {
    // Another producer's header name with a space in it: the client's decoder throws on it.
    await publish('restaurants.refused.v1', MsgHdrsImpl.fromRecord({ 'Brigade-Event-Id': ['x'], 'Bad Name': ['value'] }));

    const [msg] = await readAll(1);
    expect(receivedHeaderBlock(msg)).toBeInstanceOf(Uint8Array);
    const clientError = errorOf(() => headerRecord(msg.headers));
    expect(clientError).toBeInstanceOf(Error);
    expect(errorOf(() => rawMessageOf(msg))).toEqual(clientError);
  });

  let read = 0;

  async function publish(subject: string, h: MsgHdrs | undefined, options: { msgID?: string } = {}): Promise<void> {
    await js.publish(prefixed(ns, subject), '{}', { ...options, ...(h ? { headers: h } : {}) });
  }

  /** The next `count` messages of the stream, in order, as a consumer receives them. */
  async function readAll(count: number): Promise<JsMsg[]> {
    const consumer = await js.consumers.get(contextStreamName(ns, 'restaurants'), { opt_start_seq: read + 1 });
    const messages: JsMsg[] = [];
    for await (const msg of await consumer.fetch({ max_messages: count, expires: 5_000 })) messages.push(msg);
    read += messages.length;
    expect(messages).toHaveLength(count);
    return messages;
  }
});

function errorOf(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  return undefined;
}
