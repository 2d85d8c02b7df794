import { AckPolicy, ConsumerConfig, ConsumerInfo, DeliverPolicy, JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { Namespace } from '../jetstream/naming';
import { ensureContextStream } from '../jetstream/streams';
import { HandlerGroup } from './handler-groups';

export interface DurableSettings {
  readonly ackWaitMs: number;
  readonly maxAckPending: number;
}

export type DurableState =
  | { readonly action: 'created' }
  | { readonly action: 'unchanged' }
  | { readonly action: 'updated' }
  /** Recreated at its ack floor because an earlier incarnation left deliveries unacknowledged. */
  | { readonly action: 'rewound'; readonly fromStreamSequence: number; readonly unacked: number };

/**
 * Makes the group's durable pull consumer exist with the wanted settings, and puts it back in
 * stream order when work was left unacknowledged.
 *
 * Why the rewind: JetStream redelivers an unacked message only after ack_wait, and meanwhile
 * delivers newer messages, so after a crash (or a lost pull) a later event of an aggregate could
 * be processed before an earlier one. Recreating the durable at ack_floor + 1 replays everything
 * after the last contiguous ack in stream order; the inbox turns what was already done into
 * no-ops. This assumes ONE running instance per durable (one consumer process per app), which
 * is also what per-aggregate ordering needs; a second instance would rewind the first.
 */
export async function ensureDurable(jsm: JetStreamManager, group: HandlerGroup, settings: DurableSettings): Promise<DurableState> {
  const wanted: Partial<ConsumerConfig> = {
    durable_name: group.durable,
    description: `Brigade consumer ${group.durable} on ${group.filterSubject}`,
    ack_policy: AckPolicy.Explicit,
    filter_subject: group.filterSubject,
    ack_wait: nanos(settings.ackWaitMs),
    max_ack_pending: settings.maxAckPending,
    // Delivery is never given up by JetStream: failures are retried and parked by the transport.
    max_deliver: -1,
  };
  const info = await consumerInfo(jsm, group);
  if (!info) {
    await jsm.consumers.add(group.stream, { ...wanted, deliver_policy: DeliverPolicy.All });
    return { action: 'created' };
  }
  if (info.num_ack_pending > 0) {
    const fromStreamSequence = info.ack_floor.stream_seq + 1;
    await jsm.consumers.delete(group.stream, group.durable);
    await jsm.consumers.add(group.stream, { ...wanted, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: fromStreamSequence });
    return { action: 'rewound', fromStreamSequence, unacked: info.num_ack_pending };
  }
  const c = info.config;
  if (c.filter_subject === wanted.filter_subject && c.ack_wait === wanted.ack_wait && c.max_ack_pending === wanted.max_ack_pending) {
    return { action: 'unchanged' };
  }
  await jsm.consumers.update(group.stream, group.durable, {
    description: wanted.description,
    filter_subject: wanted.filter_subject,
    ack_wait: wanted.ack_wait,
    max_ack_pending: wanted.max_ack_pending,
  });
  return { action: 'updated' };
}

async function consumerInfo(jsm: JetStreamManager, group: HandlerGroup): Promise<ConsumerInfo | null> {
  try {
    return await jsm.consumers.info(group.stream, group.durable);
  } catch (error) {
    if (/consumer not found/i.test((error as Error)?.message ?? '')) return null;
    throw error;
  }
}

/**
 * Creates the producing context's stream when it does not exist yet, so consumers may start
 * before their producer; an existing stream's settings are the producer's and left alone.
 */
export async function ensureProducerStream(jsm: JetStreamManager, ns: Namespace, group: HandlerGroup): Promise<void> {
  try {
    await jsm.streams.info(group.stream);
  } catch (error) {
    if (!/stream not found/i.test((error as Error)?.message ?? '')) throw error;
    await ensureContextStream(jsm, ns, group.context);
  }
}
