import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { EventMetadata } from '@brigade/event-store';
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { actorOf } from '@brigade/auth';
import { ensureCorrelationId } from './correlation-id';

/** The metadata of a command issued by this HTTP request: a new causal chain starts here. */
export function commandMetadataOf(request: IncomingMessage, now: Date = new Date()): EventMetadata {
  return {
    correlationId: ensureCorrelationId(request),
    causationId: null,
    actor: actorOf(request),
    occurredAt: now.toISOString(),
  };
}

/**
 * `@Post() create(@Body() body: CreateRestaurantDto, @CommandMetadata() metadata: EventMetadata)`:
 * correlation id, actor and the time the request was received, for the events it causes.
 */
export const CommandMetadata = createParamDecorator((_data: unknown, context: ExecutionContext): EventMetadata =>
  commandMetadataOf(context.switchToHttp().getRequest<FastifyRequest>().raw),
);
