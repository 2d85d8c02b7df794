import { DomainError } from '@brigade/domain';

export const OrderHistoryErrorCodes = {
  OrderNotFound: 'ORDER_HISTORY.ORDER.NOT_FOUND',
} as const;

/** No event about this order has reached the query side (it may not exist, or not yet). */
export class OrderNotFoundError extends DomainError {
  constructor(orderId: string) {
    super(OrderHistoryErrorCodes.OrderNotFound, 'not-found', `No order ${orderId} in the order history`, { orderId });
  }
}

export const ProjectionErrorCodes = {
  ProjectionNotFound: 'ORDER_HISTORY.PROJECTION.NOT_FOUND',
  RebuildRunning: 'ORDER_HISTORY.PROJECTION.REBUILD_RUNNING',
} as const;

export class ProjectionNotFoundError extends DomainError {
  constructor(name: string, known: readonly string[]) {
    super(ProjectionErrorCodes.ProjectionNotFound, 'not-found', `No projection "${name}" (known: ${known.join(', ')})`, { name });
  }
}

/** One rebuild per projection at a time: a second would write the same building tables. */
export class RebuildRunningError extends DomainError {
  constructor(name: string, version: number) {
    super(ProjectionErrorCodes.RebuildRunning, 'conflict', `Projection "${name}" is already being rebuilt into version ${version}`, { name, version });
  }
}
