import type { Actor } from '@brigade/event-store';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

export const ANONYMOUS_ACTOR: Actor = Object.freeze({ id: 'anonymous', role: 'anonymous' });

const actorKey = Symbol.for('brigade.actor');

type Carrier = IncomingMessage & { [actorKey]?: Actor };

/** Set by the access guard once the request's token verified. */
export function setRequestActor(request: IncomingMessage, actor: Actor): void {
  (request as Carrier)[actorKey] = actor;
}

/** Who is acting: the verified token's user, or anonymous on a public route. Never a header's claim. */
export function actorOf(request: IncomingMessage): Actor {
  return (request as Carrier)[actorKey] ?? ANONYMOUS_ACTOR;
}

/** `get(@Param('orderId') id: string, @RequestActor() actor: Actor)`: for queries that check ownership. */
export const RequestActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ raw: IncomingMessage }>();
  return actorOf(request.raw);
});
