import { Decider, DomainEvent, fold, isDomainError } from '@brigade/domain';

export interface DeciderExpectation<Event> {
  /** Asserts that the command is accepted and decides exactly these events (asymmetric matchers allowed). */
  then(expected: readonly Event[]): void;
  /** Asserts that the command is refused with a DomainError carrying this code. */
  thenThrows(code: string): void;
}

/**
 * Decider specifications that read like the business rule:
 * `given(order, [orderCreated]).when(approveOrder).then([orderApproved])`.
 * Note: the result has a `then` method, so do not `await` it.
 */
export function given<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  history: readonly Event[] = [],
): { when(command: Command): DeciderExpectation<Event> } {
  return {
    when(command) {
      const decide = (): Event[] => decider.decide(command, fold(decider, decider.initialState(), history));
      return {
        then(expected) {
          expect(decide()).toEqual(expected);
        },
        thenThrows(code) {
          let decided: Event[];
          try {
            decided = decide();
          } catch (error) {
            if (!isDomainError(error)) {
              throw new Error(`Expected a DomainError with code ${code}, but decide threw: ${String(error)}`, { cause: error });
            }
            if (error.code !== code) {
              throw new Error(`Expected a DomainError with code ${code}, but got ${error.code}: ${error.message}`, { cause: error });
            }
            return;
          }
          throw new Error(`Expected a DomainError with code ${code}, but decide returned ${JSON.stringify(decided)}`);
        },
      };
    },
  };
}
