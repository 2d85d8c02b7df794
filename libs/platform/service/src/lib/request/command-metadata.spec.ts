import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { ANONYMOUS_ACTOR, actorOf, setRequestActor } from '@brigade/auth';
import { commandMetadataOf } from './command-metadata.decorator';
import { correlationIdOf, ensureCorrelationId } from './correlation-id';

function aRequest(headers: Record<string, string> = {}): IncomingMessage {
  const request = new IncomingMessage(new Socket());
  request.headers = headers;
  return request;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('correlation id', () => {
  it('keeps an acceptable X-Correlation-Id and echoes it', () => {
    const request = aRequest({ 'x-correlation-id': 'order-flow-42' });
    const response = new ServerResponse(request);
    expect(ensureCorrelationId(request, response)).toBe('order-flow-42');
    expect(response.getHeader('X-Correlation-Id')).toBe('order-flow-42');
  });

  it.each(['', 'has spaces', 'x'.repeat(129), '<script>'])('replaces an unacceptable one (%p) with a UUID', (given) => {
    expect(ensureCorrelationId(aRequest({ 'x-correlation-id': given }))).toMatch(UUID);
  });

  it('is decided once per request', () => {
    const request = aRequest();
    const first = ensureCorrelationId(request);
    expect(ensureCorrelationId(request)).toBe(first);
    expect(correlationIdOf(request)).toBe(first);
  });
});

describe('actor', () => {
  it('is anonymous until the access guard sets the verified one', () => {
    expect(actorOf(aRequest())).toEqual(ANONYMOUS_ACTOR);
  });

  it('never comes from X-Actor-* headers, whatever they claim', () => {
    expect(actorOf(aRequest({ 'x-actor-id': 'c-17', 'x-actor-role': 'admin' }))).toEqual(ANONYMOUS_ACTOR);
  });

  it('is the one the access guard set', () => {
    const request = aRequest({ 'x-actor-id': 'c-17', 'x-actor-role': 'admin' });
    setRequestActor(request, { id: 'user-1', role: 'consumer', consumerId: 'c-1' });
    expect(actorOf(request)).toEqual({ id: 'user-1', role: 'consumer', consumerId: 'c-1' });
  });
});

describe('commandMetadataOf', () => {
  it('starts a causal chain with the request’s correlation id, actor and time', () => {
    const request = aRequest({ 'x-correlation-id': 'corr-1' });
    setRequestActor(request, { id: 'staff-9', role: 'restaurant', restaurantId: 'r-1' });
    expect(commandMetadataOf(request, new Date('2030-01-02T03:04:05.000Z'))).toEqual({
      correlationId: 'corr-1',
      causationId: null,
      actor: { id: 'staff-9', role: 'restaurant', restaurantId: 'r-1' },
      occurredAt: '2030-01-02T03:04:05.000Z',
    });
  });
});
