import { coveringSubject, groupHandlers, handlersFor, subjectMatches } from '../../src/lib/consumer/handler-groups';

const noop = async (): Promise<void> => undefined;
const ns = { subjectPrefix: 't1.' };

describe('handler groups', () => {
  it('forms one durable per handler name on the producing context stream', () => {
    const groups = groupHandlers('orders', ns, [
      { pattern: 'restaurants.restaurant.opened.v1', handler: 'replicate-restaurants', callback: noop },
      { pattern: 'restaurants.restaurant.menu-revised.v1', handler: 'replicate-restaurants', callback: noop },
      { pattern: 'kitchen.ticket.created.v1', handler: 'create-order-saga', callback: noop },
    ]);
    expect(groups.map(({ durable, stream, filterSubject }) => ({ durable, stream, filterSubject }))).toEqual([
      { durable: 'orders--replicate-restaurants', stream: 'T1_RESTAURANTS', filterSubject: 't1.restaurants.restaurant.>' },
      { durable: 'orders--create-order-saga', stream: 'T1_KITCHEN', filterSubject: 't1.kitchen.ticket.created.v1' },
    ]);
    expect(handlersFor(groups[0], 'restaurants.restaurant.closed.v1')).toEqual([]);
    expect(handlersFor(groups[0], 'restaurants.restaurant.opened.v1')).toHaveLength(1);
  });

  it('refuses a group spanning contexts, a missing handler name and malformed subjects', () => {
    const twoContexts = [
      { pattern: 'restaurants.restaurant.opened.v1', handler: 'h', callback: noop },
      { pattern: 'kitchen.ticket.created.v1', handler: 'h', callback: noop },
    ];
    expect(() => groupHandlers('orders', ns, twoContexts)).toThrow(/several contexts/);
    expect(() => groupHandlers('orders', ns, [{ pattern: 'kitchen.ticket.created.v1', handler: '', callback: noop }])).toThrow(/handler/);
    expect(() => groupHandlers('orders', ns, [{ pattern: '*.ticket.created.v1', handler: 'h', callback: noop }])).toThrow(/not a subject/);
    expect(() => groupHandlers('Orders App', ns, [])).toThrow(/kebab-case/);
  });

  it('covers different patterns with the narrowest single filter subject', () => {
    expect(coveringSubject(['a.b.c.v1', 'a.b.d.v1'])).toBe('a.b.>');
    expect(coveringSubject(['a.b.c.v1', 'a.x.c.v1'])).toBe('a.>');
    expect(coveringSubject(['a.b.c', 'a.b.c.d'])).toBe('a.b.>');
    expect(coveringSubject(['a.*.c.v1', 'a.*.d.v1'])).toBe('a.*.>');
    expect(coveringSubject(['a.b.>', 'a.b.c.v1'])).toBe('a.b.>');
  });

  it('matches subjects the way NATS does', () => {
    expect(subjectMatches('a.*.c', 'a.b.c')).toBe(true);
    expect(subjectMatches('a.>', 'a.b.c')).toBe(true);
    expect(subjectMatches('a.>', 'a')).toBe(false);
    expect(subjectMatches('a.b', 'a.b.c')).toBe(false);
    expect(subjectMatches('a.*', 'a.b.c')).toBe(false);
  });
});
