import { DomainEvent } from './decider';

/** What a saga does about its deadline: set (or move) it, clear it, or leave it as it is (absent). */
export type SagaTimer = { readonly schedule: string } | { readonly cancel: true };

/**
 * A saga's decision as plain data: the events it records in its own stream, the commands it sends
 * to aggregates and what it does with its deadline. The runner carries all of it out in one
 * transaction; a decision that records nothing sends nothing and touches no deadline, so a repeated
 * input (a redelivery, a re-fired deadline) is harmless by construction.
 */
export interface SagaDecision<Event extends DomainEvent, Command> {
  readonly events: readonly Event[];
  readonly send: readonly Command[];
  readonly timer?: SagaTimer;
}

/** A saga as a decider (Emmett's workflows): `decide(input, state) -> decision`, `evolve`, `initialState`. */
export interface Saga<Input, Event extends DomainEvent, State, Command> {
  decide(input: Input, state: State): SagaDecision<Event, Command>;
  evolve(state: State, event: Event): State;
  initialState(): State;
}
