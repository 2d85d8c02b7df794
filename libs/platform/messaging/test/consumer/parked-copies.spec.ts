import { parkedCopyDigest } from '../../src/lib/dead-letter/parked-copies';

const body = new TextEncoder().encode('{"n":1}');
const copy = {
  subject: 'test.dlq.recorder.record',
  headers: { 'Brigade-Event-Id': '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', 'Brigade-Parked-By': 'recorder--record', 'Brigade-Original-Subject': 'restaurants.restaurant.opened.v1' },
  body,
};

describe('parkedCopyDigest: what identifies a copy the app parked', () => {
  it('is the same for the same subject, headers and body, whatever the header order and the Nats-* headers', () => {
    const reordered = Object.fromEntries(Object.entries(copy.headers).reverse());
    expect(parkedCopyDigest({ ...copy, headers: { ...reordered, 'Nats-Msg-Id': 'recorder--record:x', 'Nats-Expected-Stream': 'DLQ' } })).toBe(parkedCopyDigest(copy));
  });

  it.each([
    ['another body', { body: new TextEncoder().encode('{"n":2}') }],
    ['another subject', { subject: 'test.dlq.recorder.other' }],
    ['another event id', { headers: { ...copy.headers, 'Brigade-Event-Id': '00000000-0000-4000-8000-000000000001' } }],
    ['another consumer', { headers: { ...copy.headers, 'Brigade-Parked-By': 'recorder--other' } }],
    ['one more header', { headers: { ...copy.headers, 'Brigade-Stream-Version': '9' } }],
  ])('changes with %s', (_case, change) => {
    expect(parkedCopyDigest({ ...copy, ...change })).not.toBe(parkedCopyDigest(copy));
  });
});
