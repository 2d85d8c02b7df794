import { decodeCursor, encodeCursor, OrderKey } from './order-cursor';

const key: OrderKey = { placedAt: '2026-11-27T12:00:00.123456Z', orderId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01' };
const encoded = (document: unknown) => Buffer.from(JSON.stringify(document)).toString('base64url');

describe('order history cursor', () => {
  it('decodes what it encoded, to the microsecond', () => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it.each([
    ['an empty string', ''],
    ['characters outside base64url', 'abc+/='],
    ['base64url that is not JSON', Buffer.from('not json').toString('base64url')],
    ['JSON that is not an object', encoded(42)],
    ['another format version', encoded({ v: 2, p: key.placedAt, o: key.orderId })],
    ['a time without microseconds', encoded({ v: 1, p: '2026-11-27T12:00:00.123Z', o: key.orderId })],
    ['a time that does not exist', encoded({ v: 1, p: '2026-13-45T12:00:00.123456Z', o: key.orderId })],
    ['an order id that is not a UUID', encoded({ v: 1, p: key.placedAt, o: 'abc' })],
    ['a very long string', 'a'.repeat(500)],
  ])('refuses %s', (_case, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});
