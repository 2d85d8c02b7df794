import { headers } from '@nats-io/transport-node';
import { headerRecord } from '../../src/lib/consumer/consumed-event';

describe('headerRecord: the headers a consumer keeps of a message', () => {
  it("keeps every header's first value under its exact name", () => {
    const h = headers();
    h.set('Brigade-Event-Id', '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b');
    h.append('Brigade-Tag', 'first');
    h.append('Brigade-Tag', 'second');
    h.set('brigade-lower', 'kept as written');
    h.set('Empty', '');

    expect(headerRecord(h)).toEqual({
      'Brigade-Event-Id': '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      'Brigade-Tag': 'first',
      'brigade-lower': 'kept as written',
      Empty: '',
    });
  });

  it('answers nothing for a message without headers', () => {
    expect(headerRecord(undefined)).toEqual({});
  });
});
