import type { EventMetadata } from '@brigade/event-store';
import { BaseRpcContext } from '@nestjs/microservices';
import { ConsumedEvent } from './consumed-event';

export interface DeliveryInfo {
  /** `<app>--<handler>`. */
  readonly consumer: string;
  /** 1-based attempt in this process (retries with backoff count up). */
  readonly attempt: number;
  /** How often JetStream delivered the message (1 = first delivery); 0 for a dead-letter replay. */
  readonly deliveryCount: number;
  /** True when an operator replays the message from the dead-letter queue. */
  readonly replay: boolean;
}

/**
 * What `@Ctx()` gives a JetStream event handler. The handler runs inside the transaction that
 * also writes its inbox row: use `currentManager(dataSource)` / the EventStore to join it.
 */
export class JetStreamContext extends BaseRpcContext<[ConsumedEvent, DeliveryInfo]> {
  get eventId(): string {
    return this.args[0].eventId;
  }

  /** Without the namespace prefix. */
  get subject(): string {
    return this.args[0].subject;
  }

  get aggregateId(): string | null {
    return this.args[0].aggregateId;
  }

  get streamVersion(): number | null {
    return this.args[0].streamVersion;
  }

  /** Correlation, causation, actor and occurredAt of the event, as the producer recorded them. */
  get metadata(): EventMetadata {
    return this.args[0].metadata;
  }

  get delivery(): DeliveryInfo {
    return this.args[1];
  }

  /** Metadata for what this event causes: same correlation and actor, caused by this event. */
  causedBy(occurredAt: string): EventMetadata {
    const { correlationId, actor } = this.metadata;
    return { correlationId, causationId: this.eventId, actor, occurredAt };
  }
}
