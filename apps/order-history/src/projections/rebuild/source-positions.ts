import { durableName, JetStreamServer } from '@brigade/messaging';
import type { JetStreamManager } from '@nats-io/jetstream';
import { Injectable, Logger } from '@nestjs/common';
import { PROJECTIONS, ProjectionName } from '../registry/projection-tables';

/** Where a live durable feeding a projection stands in its stream. */
export interface SourcePosition {
  readonly durable: string;
  readonly stream: string | null;
  /** The stream sequence up to which every message the durable receives is acknowledged (its ack floor). */
  readonly position: number | null;
  readonly streamLastSequence: number | null;
  /** Messages of the durable's subjects in the stream not yet acknowledged (pending + in flight). */
  readonly lag: number | null;
  /** Why the others are null (the durable is not running here, NATS did not answer): a fixed phrase, the client's error is logged. */
  readonly error: string | null;
}

/**
 * The positions of the durables feeding each projection, read from JetStream (consumer info).
 * Lag counts only the durable's own subjects, so it reaches 0 even when the stream carries others.
 */
@Injectable()
export class SourcePositions {
  private readonly logger = new Logger(SourcePositions.name);

  constructor(private readonly server: JetStreamServer) {}

  async of(name: ProjectionName): Promise<SourcePosition[]> {
    let jsm: JetStreamManager;
    try {
      ({ jsm } = await this.server.clients());
    } catch (error) {
      this.logger.warn({ msg: 'No JetStream client for the projection positions', projection: name, error: messageOf(error) });
      return PROJECTIONS[name].sources.map((handler) => unknownPosition(durableName(this.server.app, handler), 'not connected to NATS'));
    }
    return Promise.all(
      PROJECTIONS[name].sources.map(async (handler): Promise<SourcePosition> => {
        const durable = durableName(this.server.app, handler);
        const group = this.server.handlerGroup(durable);
        if (!group) return unknownPosition(durable, 'not running in this process');
        try {
          const [consumer, stream] = await Promise.all([jsm.consumers.info(group.stream, durable), jsm.streams.info(group.stream)]);
          return {
            durable,
            stream: group.stream,
            position: consumer.ack_floor.stream_seq,
            streamLastSequence: stream.state.last_seq,
            lag: consumer.num_pending + consumer.num_ack_pending,
            error: null,
          };
        } catch (error) {
          this.logger.warn({ msg: 'Could not read a projection source position', projection: name, durable, error: messageOf(error) });
          return unknownPosition(durable, /not found/i.test(messageOf(error)) ? 'the durable or its stream does not exist' : 'NATS did not answer');
        }
      }),
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function unknownPosition(durable: string, error: string): SourcePosition {
  return { durable, stream: null, position: null, streamLastSequence: null, lag: null, error };
}
