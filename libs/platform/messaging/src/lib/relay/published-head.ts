import type { GlobalPosition } from '@brigade/event-store';
import { JetStreamManager } from '@nats-io/jetstream';
import { Headers } from '../jetstream/naming';
import { parsePosition } from './position';

/** What the stream says was published last: its last sequence and that message's store position. */
export interface PublishedHead {
  readonly sequence: number;
  /** Null when the stream is empty or its last message carries no Brigade-Position. */
  readonly position: GlobalPosition | null;
}

/**
 * Reads the head of the context stream. The stream, not the checkpoint, is the truth of what
 * has been published, so resuming from here never republishes and never depends on
 * JetStream's duplicate window.
 */
export async function readPublishedHead(jsm: JetStreamManager, streamName: string): Promise<PublishedHead> {
  const info = await jsm.streams.info(streamName);
  const sequence = info.state.last_seq;
  if (sequence === 0) return { sequence, position: null };
  const last = await jsm.streams.getMessage(streamName, { seq: sequence });
  return { sequence, position: parsePosition(last?.header?.get(Headers.Position)) };
}
