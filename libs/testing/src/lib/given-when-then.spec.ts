import { Decider, DomainError } from '@brigade/domain';
import { given } from './given-when-then';

// A tiny decider: a counter that refuses to go above its limit.
type CounterCommand = { type: 'Increment'; by: number } | { type: 'Explode' };
type CounterEvent = { type: 'Incremented'; data: { by: number } };
type CounterState = { value: number };

const counter: Decider<CounterCommand, CounterEvent, CounterState> = {
  initialState: () => ({ value: 0 }),
  evolve: (state, event) => ({ value: state.value + event.data.by }),
  decide: (command, state) => {
    if (command.type === 'Explode') throw new Error('boom');
    if (state.value + command.by > 3) throw new DomainError('COUNTER.LIMIT_REACHED', 'rule', 'limit is 3');
    return [{ type: 'Incremented', data: { by: command.by } }];
  },
};

const incremented = (by: number): CounterEvent => ({ type: 'Incremented', data: { by } });

describe('given / when / then', () => {
  it('passes when the decided events are the expected ones', () => {
    given(counter, [incremented(1)]).when({ type: 'Increment', by: 2 }).then([incremented(2)]);
  });

  it('folds the given history before deciding', () => {
    expect(() => given(counter, [incremented(2)]).when({ type: 'Increment', by: 2 }).then([incremented(2)])).toThrow(/limit is 3/);
    expect(() => given(counter, []).when({ type: 'Increment', by: 2 }).then([incremented(2)])).not.toThrow();
  });

  it('fails when the decided events differ', () => {
    expect(() => given(counter).when({ type: 'Increment', by: 1 }).then([incremented(2)])).toThrow();
    expect(() => given(counter).when({ type: 'Increment', by: 1 }).then([])).toThrow();
  });

  it('accepts asymmetric matchers in expected events', () => {
    given(counter).when({ type: 'Increment', by: 1 }).then([{ type: 'Incremented', data: { by: expect.any(Number) } }]);
  });

  it('thenThrows passes on a DomainError with the expected code', () => {
    given(counter, [incremented(3)]).when({ type: 'Increment', by: 1 }).thenThrows('COUNTER.LIMIT_REACHED');
  });

  it('thenThrows fails on another code', () => {
    expect(() => given(counter, [incremented(3)]).when({ type: 'Increment', by: 1 }).thenThrows('COUNTER.OTHER')).toThrow(
      /Expected a DomainError with code COUNTER.OTHER, but got COUNTER.LIMIT_REACHED/,
    );
  });

  it('thenThrows fails when the command is accepted', () => {
    expect(() => given(counter).when({ type: 'Increment', by: 1 }).thenThrows('COUNTER.LIMIT_REACHED')).toThrow(/but decide returned/);
  });

  it('thenThrows fails on an error that is not a DomainError', () => {
    expect(() => given(counter).when({ type: 'Explode' }).thenThrows('COUNTER.LIMIT_REACHED')).toThrow(/but decide threw: Error: boom/);
  });
});
