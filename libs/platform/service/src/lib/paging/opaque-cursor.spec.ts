import { decodeOpaqueCursor, encodeOpaqueCursor } from './opaque-cursor';

describe('opaque cursors', () => {
  it('give back the key they were made from', () => {
    const cursor = encodeOpaqueCursor({ p: '2026-12-07T10:00:00.123456Z', o: 'order-1' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeOpaqueCursor(cursor)).toEqual({ p: '2026-12-07T10:00:00.123456Z', o: 'order-1' });
  });

  it.each([
    ['not base64url', 'a b'],
    ['too long', 'a'.repeat(201)],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['a list', Buffer.from('[1]').toString('base64url')],
    ['another version', Buffer.from(JSON.stringify({ v: 2, p: 'x' })).toString('base64url')],
    ['no version', Buffer.from(JSON.stringify({ p: 'x' })).toString('base64url')],
  ])('refuse %s', (_name, cursor) => {
    expect(decodeOpaqueCursor(cursor)).toBeNull();
  });
});
