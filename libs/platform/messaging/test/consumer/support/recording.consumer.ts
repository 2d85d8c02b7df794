import { DomainError } from '@brigade/domain';
import { afterCommit, currentManager } from '@brigade/event-store';
import { JetStreamContext } from '../../../src';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';

export const RESTAURANT_OPENED = 'restaurants.restaurant.opened.v1';
export const MENU_REVISED = 'restaurants.restaurant.menu-revised.v1';
export const RESTAURANT_CLOSED = 'restaurants.restaurant.closed.v1';

export interface EffectPayload {
  readonly n: number;
}

/** How the test wants the handler to behave for a given event; changed by the test while running. */
export interface Script {
  /** Throw this (a failure, or a DomainError as a final answer); null to succeed. */
  failure?(ctx: JetStreamContext, data: EffectPayload): Error | null;
  delayMs?(ctx: JetStreamContext): number;
  /** Holds the handler until the promise settles. */
  waitFor?(ctx: JetStreamContext): Promise<void> | undefined;
  /** Runs after the handler's transaction committed, before the transport acks. */
  committed?(ctx: JetStreamContext): void;
}

export const SCRIPT = Symbol('SCRIPT');

export function aDomainError(): DomainError {
  return new DomainError('TEST.RESTAURANT.NOT_OPENABLE', 'rule', 'restaurant cannot be opened');
}

/** Handler group `record` listens to two restaurant subjects, not to RESTAURANT_CLOSED. */
@Controller()
export class RecordingConsumer {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SCRIPT) private readonly script: Script,
  ) {}

  @EventPattern(RESTAURANT_OPENED, { handler: 'record' })
  async onOpened(@Payload() data: EffectPayload, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.record(data, ctx);
  }

  @EventPattern(MENU_REVISED, { handler: 'record' })
  async onMenuRevised(@Payload() data: EffectPayload, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.record(data, ctx);
  }

  private record(data: EffectPayload, ctx: JetStreamContext): Promise<void> {
    return recordEffect(this.dataSource, this.script, data, ctx);
  }
}

/** A handler's effect as the script directs: a row of test_effects in the message's transaction. */
export async function recordEffect(dataSource: DataSource, script: Script, data: EffectPayload, ctx: JetStreamContext): Promise<void> {
  const startedMs = performance.timeOrigin + performance.now();
  const delay = script.delayMs?.(ctx) ?? 0;
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  await script.waitFor?.(ctx);
  const failure = script.failure?.(ctx, data);
  if (failure) throw failure;
  await currentManager(dataSource).query(
    `INSERT INTO test_effects (event_id, aggregate_id, n, handler, attempt, replay, started_ms, finished_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [ctx.eventId, ctx.aggregateId, data.n, ctx.delivery.consumer, ctx.delivery.attempt, ctx.delivery.replay, startedMs, performance.timeOrigin + performance.now()],
  );
  const committed = script.committed;
  if (committed) afterCommit(dataSource, () => committed(ctx));
}
