import { DomainError } from '@brigade/domain';

/** Stable codes: clients and other contexts match on these, never on messages. */
export const ConsumerErrorCodes = {
  NotFound: 'CONSUMERS.CONSUMER.NOT_FOUND',
  AlreadyExists: 'CONSUMERS.CONSUMER.ALREADY_EXISTS',
  AlreadySuspended: 'CONSUMERS.CONSUMER.ALREADY_SUSPENDED',
  AlreadyActive: 'CONSUMERS.CONSUMER.ALREADY_ACTIVE',
  InvalidName: 'CONSUMERS.CONSUMER.INVALID_NAME',
  InvalidEmail: 'CONSUMERS.CONSUMER.INVALID_EMAIL',
} as const;

export class ConsumerNotFoundError extends DomainError {
  constructor(consumerId: string) {
    super(ConsumerErrorCodes.NotFound, 'not-found', `Consumer ${consumerId} does not exist`, { consumerId });
  }
}

export class ConsumerAlreadyExistsError extends DomainError {
  constructor(consumerId: string) {
    super(ConsumerErrorCodes.AlreadyExists, 'conflict', `Consumer ${consumerId} already exists`, { consumerId });
  }
}

export class ConsumerAlreadySuspendedError extends DomainError {
  constructor(consumerId: string) {
    super(ConsumerErrorCodes.AlreadySuspended, 'conflict', `Consumer ${consumerId} is already suspended`, { consumerId });
  }
}

export class ConsumerAlreadyActiveError extends DomainError {
  constructor(consumerId: string) {
    super(ConsumerErrorCodes.AlreadyActive, 'conflict', `Consumer ${consumerId} is already active`, { consumerId });
  }
}

/** A consumer's name or email breaks a rule; `field` is the path of the offending value. */
export class InvalidConsumerError extends DomainError {
  constructor(code: string, field: string, message: string) {
    super(code, 'validation', message, { field });
  }
}
