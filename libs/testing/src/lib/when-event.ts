/**
 * Reaction specifications for sagas and process managers:
 * `whenEvent(reactTo, sagaRejected).thenCommands([rejectOrder])`.
 */
export function whenEvent<Event, Command>(
  react: (event: Event) => readonly Command[],
  event: Event,
): { thenCommands(expected: readonly Command[]): void } {
  return {
    thenCommands(expected) {
      expect(react(event)).toEqual(expected);
    },
  };
}
