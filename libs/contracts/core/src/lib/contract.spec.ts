import { z } from 'zod';
import { ContractViolation, defineContract, exampleOf } from './contract';

describe('defineContract', () => {
  const contract = defineContract('shop.item.price-changed.v1', z.strictObject({ itemId: z.string(), priceCents: z.number().int() }), {
    itemId: 'a',
    priceCents: 100,
  });

  it('parses a payload that satisfies the schema', () => {
    expect(contract.parse({ itemId: 'b', priceCents: 5 })).toEqual({ itemId: 'b', priceCents: 5 });
  });

  it('names the offending fields of a payload that does not', () => {
    expect(() => contract.parse({ itemId: 'b', priceCents: 1.5 })).toThrow(ContractViolation);
    expect(() => contract.parse({ itemId: 'b', priceCents: 1.5 })).toThrow(/priceCents/);
  });

  it('refuses a subject that is not <context>.<aggregate>.<event>.v<N>', () => {
    expect(() => defineContract('Shop.item.PriceChanged', z.object({}), {})).toThrow(/Subject/);
  });

  it('refuses an example that breaks its own schema', () => {
    expect(() => defineContract('shop.item.created.v1', z.object({ id: z.string() }), { id: 1 } as never)).toThrow(ContractViolation);
  });

  it('copies the example with overrides', () => {
    expect(exampleOf(contract, { priceCents: 7 })).toEqual({ itemId: 'a', priceCents: 7 });
  });
});
