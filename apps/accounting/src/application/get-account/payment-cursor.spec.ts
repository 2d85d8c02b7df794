import { decodePaymentCursor, encodePaymentCursor } from './payment-cursor';

describe('payment cursor', () => {
  it('gives back the key it was made from, exactly, up to the largest bigint', () => {
    for (const key of ['1', '42', '9223372036854775807']) expect(decodePaymentCursor(encodePaymentCursor(key))).toBe(key);
  });

  it('is opaque: base64url, nothing a client should read', () => {
    expect(encodePaymentCursor('42')).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['an empty string', ''],
    ['characters outside base64url', 'eyJ2IjoxLCJzIjoiNDIifQ=='],
    ['text that is not JSON', Buffer.from('not json').toString('base64url')],
    ['JSON that is not an object', Buffer.from('"42"').toString('base64url')],
    ['another version', Buffer.from(JSON.stringify({ v: 2, s: '42' })).toString('base64url')],
    ['a number instead of a decimal string', Buffer.from(JSON.stringify({ v: 1, s: 42 })).toString('base64url')],
    ['zero', Buffer.from(JSON.stringify({ v: 1, s: '0' })).toString('base64url')],
    ['a negative seq', Buffer.from(JSON.stringify({ v: 1, s: '-1' })).toString('base64url')],
    ['a seq beyond bigint', Buffer.from(JSON.stringify({ v: 1, s: '9223372036854775808' })).toString('base64url')],
    ['something very long', 'A'.repeat(101)],
  ])('refuses %s', (_case, cursor) => {
    expect(decodePaymentCursor(cursor)).toBeNull();
  });
});
