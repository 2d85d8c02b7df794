import { UndeclaredDurableError, assertDeclaredDurables } from '../../src';

describe('assertDeclaredDurables', () => {
  it("accepts the durables nats-access.ts declares for the app's consumed contexts", () => {
    expect(() =>
      assertDeclaredDurables('orders', [
        { handler: 'consumer-verdicts', durable: 'orders--consumer-verdicts', context: 'consumers' },
        { handler: 'restaurant-replica', durable: 'orders--restaurant-replica', context: 'restaurants' },
      ]),
    ).not.toThrow();
  });

  it('refuses a handler nobody declared, or a declared one on another context, naming each', () => {
    const run = () =>
      assertDeclaredDurables('orders', [
        { handler: 'consumer-verdicts', durable: 'orders--consumer-verdicts', context: 'consumers' },
        { handler: 'fraud-check', durable: 'orders--fraud-check', context: 'accounting' },
        { handler: 'restaurant-replica', durable: 'orders--restaurant-replica', context: 'kitchen' },
      ]);
    expect(run).toThrow(UndeclaredDurableError);
    expect(run).toThrow(/orders--fraud-check \(on accounting\), orders--restaurant-replica \(on kitchen\) not declared for orders/);
    try {
      run();
    } catch (error) {
      expect((error as UndeclaredDurableError).code).toBe('MESSAGING.NATS_ACCESS.UNDECLARED_DURABLE');
    }
  });

  it('refuses any durable of an app that consumes nothing (identity)', () => {
    expect(() => assertDeclaredDurables('identity', [{ handler: 'x', durable: 'identity--x', context: 'orders' }])).toThrow(UndeclaredDurableError);
  });

  it('leaves apps without a NATS user alone (test apps run on open servers)', () => {
    expect(() => assertDeclaredDurables('recorder', [{ handler: 'record', durable: 'recorder--record', context: 'restaurants' }])).not.toThrow();
  });
});
