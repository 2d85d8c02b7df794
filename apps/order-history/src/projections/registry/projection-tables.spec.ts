import { isProjectionName, orderViewTables, PROJECTION_NAMES, PROJECTIONS, versionedTable } from './projection-tables';

describe('projection tables', () => {
  it('names a version\'s tables with the version', () => {
    expect(versionedTable('oh_orders', 1)).toBe('oh_orders_v1');
    expect(orderViewTables(12)).toEqual({ orders: 'oh_orders_v12', timeline: 'oh_order_timeline_v12' });
  });

  it('refuses anything that is not a positive integer version or a projection table: names go into SQL', () => {
    for (const version of [0, -1, 1.5, Number.NaN]) expect(() => versionedTable('oh_orders', version)).toThrow(/positive integer/);
    expect(() => versionedTable('orders; DROP TABLE x', 1)).toThrow(/Not a projection table/);
  });

  it('every projection creates exactly the tables it drops, for the version asked', () => {
    for (const name of PROJECTION_NAMES) {
      const created = PROJECTIONS[name]
        .create(7)
        .map((statement) => /^CREATE TABLE (\S+)/.exec(statement)?.[1])
        .filter(Boolean);
      expect([...created].sort()).toEqual([...PROJECTIONS[name].tables(7)].sort());
      for (const statement of PROJECTIONS[name].create(7)) expect(statement).not.toMatch(/_v1\b/);
    }
  });

  it('knows its projections by name', () => {
    expect(isProjectionName('order-view')).toBe(true);
    expect(isProjectionName('orders')).toBe(false);
  });
});
