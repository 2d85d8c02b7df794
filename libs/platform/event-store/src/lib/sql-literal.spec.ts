import { safeLiteral } from './sql-literal';

describe('safeLiteral', () => {
  it.each(['6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', 'create-order', '2030-01-01T12:00:00.000Z'])('quotes %j', (value) => {
    expect(safeLiteral(value)).toBe(`'${value}'`);
  });

  it.each(["x'); DROP TABLE t; --", 'a b', 'back\\slash', "it's", '', 'x;y'])('refuses %j', (value) => {
    expect(safeLiteral(value)).toBeNull();
  });
});
