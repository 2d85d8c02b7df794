import { Headers } from '@brigade/messaging';
import { eventually } from '@brigade/testing';
import { JetStreamClient } from '@nats-io/jetstream';
import { headers as noHeaders, MsgHdrs } from '@nats-io/transport-node';

export interface PublishedMessage {
  readonly subject: string;
  readonly headers: MsgHdrs;
  readonly payload: Record<string, unknown>;
  readonly aggregateId: string | undefined;
}

export interface PublishedMessages {
  /** Everything published on the stream so far, in stream order (grows as messages arrive). */
  readonly messages: PublishedMessage[];
  stop(): Promise<void>;
}

/** Reads a stream from its start with an ephemeral consumer, keeping every message. */
export async function collectPublished(js: JetStreamClient, stream: string): Promise<PublishedMessages> {
  const consumed = await (await js.consumers.get(stream)).consume();
  const messages: PublishedMessage[] = [];
  const collecting = (async () => {
    for await (const m of consumed) {
      messages.push({ subject: m.subject, headers: m.headers ?? noHeaders(), payload: m.json(), aggregateId: m.headers?.get(Headers.AggregateId) });
    }
  })();
  return {
    messages,
    stop: async () => {
      await consumed.close();
      await collecting;
    },
  };
}

/** The messages about one aggregate (its stream id), once at least `count` of them have arrived. */
export function publishedFor(messages: readonly PublishedMessage[], aggregateId: string, count: number): Promise<PublishedMessage[]> {
  return eventually(() => {
    const own = messages.filter((m) => m.aggregateId === aggregateId);
    if (own.length < count) throw new Error(`${own.length} of ${count} messages published for ${aggregateId}`);
    return own;
  });
}
