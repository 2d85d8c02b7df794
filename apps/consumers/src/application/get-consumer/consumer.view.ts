import { ConsumerNotFoundError } from '../../domain/consumer.errors';
import type { PersonName } from '../../domain/consumer.events';
import type { ConsumerState } from '../../domain/consumer.state';

/** A consumer as the HTTP API shows it; `version` is its stream version (for caching and concurrency). */
export interface ConsumerView {
  readonly consumerId: string;
  readonly name: PersonName;
  readonly email: string;
  readonly status: 'ACTIVE' | 'SUSPENDED';
  readonly version: number;
}

/**
 * Fields are picked one by one: the answer has a stable shape whatever the state holds. An id
 * that only orders have named (and that got failed verdicts) is still unknown.
 */
export function toConsumerView(consumerId: string, state: ConsumerState, version: number): ConsumerView {
  if (state.status === 'UNKNOWN') throw new ConsumerNotFoundError(consumerId);
  return {
    consumerId,
    name: { firstName: state.name.firstName, lastName: state.name.lastName },
    email: state.email,
    status: state.status,
    version,
  };
}
