import { anOrderCreatedV1, ordersContracts } from './orders-contracts';
import { orderCreatedV1 } from './order-created.v1';

describe('orders contracts', () => {
  it.each(ordersContracts.map((c) => [c.subject, c] as const))('%s: the example fixture satisfies its schema', (_subject, contract) => {
    expect(contract.parse(contract.example)).toEqual(contract.example);
  });

  it('refuses an order whose total is not the sum of its lines', () => {
    expect(() => orderCreatedV1.parse(anOrderCreatedV1({ orderTotalCents: 1 }))).toThrow(/orderTotalCents/);
  });

  it('refuses a quantity outside 1..100', () => {
    const order = anOrderCreatedV1();
    const lineItems = [{ ...order.lineItems[0], quantity: 101 }];
    expect(() => orderCreatedV1.parse({ ...order, lineItems, orderTotalCents: 101 * lineItems[0].priceCents })).toThrow(/quantity/);
  });
});
