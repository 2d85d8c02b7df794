import { deliveryContracts } from './delivery-contracts';

describe('delivery contracts', () => {
  it.each(deliveryContracts.map((c) => [c.subject, c] as const))('%s: the example fixture satisfies its schema', (_subject, contract) => {
    expect(contract.parse(contract.example)).toEqual(contract.example);
  });
});
