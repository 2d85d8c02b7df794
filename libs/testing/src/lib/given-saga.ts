import { DomainEvent, fold, isDomainError, Saga, SagaDecision } from '@brigade/domain';

export interface SagaExpectation<Event extends DomainEvent, Command> {
  /** Asserts the whole decision: events recorded, commands sent, deadline set or cleared (absent: untouched). */
  then(expected: SagaDecision<Event, Command>): void;
  /** Asserts that the input is refused with a DomainError carrying this code. */
  thenThrows(code: string): void;
}

/**
 * Saga specifications, read as the rule: `givenSaga(createOrder, [started, kitchenSaidYes])
 * .when(accountingSaysYes).then({ events: [...], send: [approveOrder], timer: { cancel: true } })`.
 * Note: the result has a `then` method, so do not `await` it.
 */
export function givenSaga<Input, Event extends DomainEvent, State, Command>(
  saga: Saga<Input, Event, State, Command>,
  history: readonly Event[] = [],
): { when(input: Input): SagaExpectation<Event, Command> } {
  return {
    when(input) {
      const decide = () => saga.decide(input, fold(saga, saga.initialState(), history));
      return {
        then(expected) {
          const decision = decide();
          expect({ events: decision.events, send: decision.send, timer: decision.timer }).toEqual({
            events: expected.events,
            send: expected.send,
            timer: expected.timer,
          });
        },
        thenThrows(code) {
          let decided: SagaDecision<Event, Command>;
          try {
            decided = decide();
          } catch (error) {
            if (!isDomainError(error)) throw new Error(`Expected a DomainError with code ${code}, but decide threw: ${String(error)}`, { cause: error });
            if (error.code !== code) throw new Error(`Expected a DomainError with code ${code}, but got ${error.code}: ${error.message}`, { cause: error });
            return;
          }
          throw new Error(`Expected a DomainError with code ${code}, but decide returned ${JSON.stringify(decided)}`);
        },
      };
    },
  };
}
