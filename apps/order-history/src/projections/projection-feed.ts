import { EventEnvelope, EventPosition, positionOf } from './stream-position';

/** Reads one event's payload (checked against its contract: a violation throws) as a projection's change. */
export type ChangeOf<C> = (payload: unknown, at: EventPosition) => C;

/** A projection's events by subject (unprefixed, exact): any other subject does not concern it. */
export type ProjectionEvents<C> = Readonly<Record<string, ChangeOf<C>>>;

/**
 * How events reach a projection, live or replayed: each event is read as a plain change
 * (`changeOf`, pure), and changes are applied in batches (`apply`, set-based, joining the
 * caller's transaction). A live consumer applies its event as a batch of one (`applyEvent`); a
 * rebuild's replay applies hundreds at once. One path, so a rebuilt version is what the live
 * consumers would have built.
 */
export abstract class ProjectionFeed<C> {
  protected abstract readonly events: ProjectionEvents<C>;

  /** Applies the changes to every version of the projection the registry says is written. */
  abstract apply(changes: readonly C[]): Promise<void>;

  /** The change the event makes; null when the projection does not take its subject. */
  changeOf(event: EventEnvelope, payload: unknown): C | null {
    const read = Object.hasOwn(this.events, event.subject) ? this.events[event.subject] : undefined;
    return read ? read(payload, positionOf(event)) : null;
  }

  /** The live path: one delivered event. */
  async applyEvent(event: EventEnvelope, payload: unknown): Promise<void> {
    const change = this.changeOf(event, payload);
    if (change !== null) await this.apply([change]);
  }
}
