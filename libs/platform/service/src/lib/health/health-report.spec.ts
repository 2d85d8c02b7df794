import { REDACTED, withoutServerAddresses } from './health-report';

describe('withoutServerAddresses: /health never names a server', () => {
  it.each([
    ['a URL with credentials', 'connect failed: postgres://brigade:hunter2@db.internal:5432/orders', `connect failed: ${REDACTED}`],
    ['a NATS URL', 'nats://10.0.3.7:4222 closed', `${REDACTED} closed`],
    ['an IPv4 address and port', 'connect ECONNREFUSED 127.0.0.1:6379', `connect ECONNREFUSED ${REDACTED}`],
    ['an IPv6 address', 'connect ECONNREFUSED [::1]:5432', `connect ECONNREFUSED ${REDACTED}`],
    ['a host and port', 'getaddrinfo ENOTFOUND redis:6379', `getaddrinfo ENOTFOUND ${REDACTED}`],
  ])('replaces %s', (_case, text, expected) => {
    expect(withoutServerAddresses(text)).toBe(expected);
  });

  it('walks the whole report and keeps everything else as it was', () => {
    const report = {
      database: { status: 'down', message: 'timeout of 1000ms exceeded' },
      nats: { status: 'up', rttMs: 2, server: 'nats://nats:4222' },
      redis: { status: 'up', degraded: true, unavailableSince: '2026-11-27T10:00:30.000Z', servers: ['10.0.0.1:6379'] },
    };
    expect(withoutServerAddresses(report)).toEqual({
      database: { status: 'down', message: 'timeout of 1000ms exceeded' },
      nats: { status: 'up', rttMs: 2, server: REDACTED },
      redis: { status: 'up', degraded: true, unavailableSince: '2026-11-27T10:00:30.000Z', servers: [REDACTED] },
    });
  });
});
