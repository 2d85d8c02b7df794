import { decodeTicketCursor, encodeTicketCursor } from './ticket-cursor';

describe('ticket page cursor', () => {
  const key = { createdAt: '2026-11-27T12:00:00.123456Z', orderId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01' };

  it('stands for the key it was made from, to the microsecond', () => {
    const cursor = encodeTicketCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeTicketCursor(cursor)).toEqual(key);
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('{"v":1,').toString('base64url')],
    ['JSON that is not an object', Buffer.from('42').toString('base64url')],
    ['another version', Buffer.from(JSON.stringify({ v: 2, c: key.createdAt, o: key.orderId })).toString('base64url')],
    ['a time without microseconds', Buffer.from(JSON.stringify({ v: 1, c: '2026-11-27T12:00:00Z', o: key.orderId })).toString('base64url')],
    ['an impossible time', Buffer.from(JSON.stringify({ v: 1, c: '2026-13-45T12:00:00.000000Z', o: key.orderId })).toString('base64url')],
    ['an id that is not a UUID', Buffer.from(JSON.stringify({ v: 1, c: key.createdAt, o: 'x' })).toString('base64url')],
    ['too long', 'a'.repeat(201)],
    ['empty', ''],
  ])('refuses %s', (_what, cursor) => {
    expect(decodeTicketCursor(cursor)).toBeNull();
  });
});
