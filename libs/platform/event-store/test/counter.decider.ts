import { Decider, DomainError } from '@brigade/domain';

/** A minimal aggregate for exercising the store: a counter that can be incremented. */
export type CounterCommand = { type: 'Increment'; by: number };
export type CounterEvent = { type: 'Incremented'; data: { by: number } };
export type CounterState = { total: number; increments: number };

export const counterDecider: Decider<CounterCommand, CounterEvent, CounterState> = {
  initialState: () => ({ total: 0, increments: 0 }),
  decide: (command) => {
    if (command.by <= 0) throw new DomainError('TEST.COUNTER.NOT_POSITIVE', 'rule', 'by must be positive');
    return [{ type: 'Incremented', data: { by: command.by } }];
  },
  evolve: (state, event) => ({ total: state.total + event.data.by, increments: state.increments + 1 }),
};
