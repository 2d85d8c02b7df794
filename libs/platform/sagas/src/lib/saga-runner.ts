import { DomainEvent, Saga, SagaDecision } from '@brigade/domain';
import { CommandRunner, CommandRunnerOptions, EventMetadata, EventStore, RunOptions } from '@brigade/event-store';
import { Deadlines } from './deadlines';

export interface SagaRunnerOptions extends CommandRunnerOptions {
  /** The saga's name in saga_deadlines; a deadline's sagaId is the id the saga runs under. */
  readonly name: string;
  /** The stream of one saga instance, from the id it runs under (e.g. `create-order-saga-<orderId>`). */
  readonly streamId: (sagaId: string) => string;
}

export interface SagaOutcome<Event, Command> {
  readonly events: readonly Event[];
  /** What the saga decided to send: the caller's to carry out, in the same transaction. */
  readonly send: readonly Command[];
}

/**
 * Carries out a saga's decisions: load its stream -> decide -> append (a CommandRunner, so
 * concurrent inputs retry on the stored state), then set or clear its deadline in the same
 * transaction. Only the decision whose events were appended counts: one that records nothing does
 * nothing else either. The caller sends the returned commands inside its transaction.
 */
export class SagaRunner<Input extends object, Event extends DomainEvent, State, Command> {
  private readonly runner: CommandRunner<Input, Event, State>;
  /** The last decision taken on each input, so that its commands and timer go with the events appended. */
  private readonly decisions = new WeakMap<Input, SagaDecision<Event, Command>>();

  constructor(
    store: EventStore,
    private readonly saga: Saga<Input, Event, State, Command>,
    private readonly deadlines: Deadlines,
    private readonly options: SagaRunnerOptions,
  ) {
    const decisions = this.decisions;
    this.runner = new CommandRunner<Input, Event, State>(
      store,
      {
        initialState: () => saga.initialState(),
        evolve: (state, event) => saga.evolve(state, event),
        decide(input, state) {
          const decision = saga.decide(input, state);
          decisions.set(input, decision);
          return [...decision.events];
        },
      },
      options,
    );
  }

  get name(): string {
    return this.options.name;
  }

  streamId(sagaId: string): string {
    return this.options.streamId(sagaId);
  }

  async run(sagaId: string, input: Input, metadata: EventMetadata, options: RunOptions = {}): Promise<SagaOutcome<Event, Command>> {
    const { events } = await this.runner.run(this.streamId(sagaId), input, metadata, options);
    const decision = this.decisions.get(input);
    this.decisions.delete(input);
    if (events.length === 0 || !decision) return { events: [], send: [] };
    const timer = decision.timer;
    if (timer && 'schedule' in timer) await this.deadlines.schedule(this.options.name, sagaId, new Date(timer.schedule));
    if (timer && 'cancel' in timer) await this.deadlines.cancel(this.options.name, sagaId);
    return { events, send: decision.send };
  }
}
