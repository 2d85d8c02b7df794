import { MismatchedMessageError } from './order.errors';
import type { OrderState } from './order.state';

/**
 * What every answer about an order must agree with: who placed it, at which restaurant, and its
 * total (a revision's own total while it is pending). Fixed when the order (or revision) is
 * proposed, so its saga holds them and checks an answer without reading the order.
 */
export interface OrderTerms {
  readonly consumerId: string;
  readonly restaurantId: string;
  readonly orderTotalCents: number;
}

/** The terms of an order that exists (as a command that created or revised it left it). */
export function orderTermsOf(order: OrderState): OrderTerms {
  if (order.status === 'UNKNOWN') throw new Error('An order that does not exist has no terms');
  const { consumerId, restaurantId, orderTotalCents } = order;
  return { consumerId, restaurantId, orderTotalCents };
}

/**
 * What an answer's message names about its order: the consumers context names the consumer, the
 * kitchen the restaurant, accounting the consumer and the amount it holds. Each named field must
 * match the order's terms.
 */
export interface AnswerAbout {
  readonly consumerId?: string;
  readonly restaurantId?: string;
  readonly amountCents?: number;
}

/** The fields of `about` that contradict `terms`, one line each; empty when the answer is about this order. */
export function contradictionsOf(terms: OrderTerms, about: AnswerAbout): string[] {
  const found: string[] = [];
  if (about.consumerId !== undefined && about.consumerId !== terms.consumerId) {
    found.push(`consumerId ${about.consumerId} is not the order's ${terms.consumerId}`);
  }
  if (about.restaurantId !== undefined && about.restaurantId !== terms.restaurantId) {
    found.push(`restaurantId ${about.restaurantId} is not the order's ${terms.restaurantId}`);
  }
  if (about.amountCents !== undefined && about.amountCents !== terms.orderTotalCents) {
    found.push(`amountCents ${about.amountCents} is not the order's total ${terms.orderTotalCents}`);
  }
  return found;
}

/**
 * Refuses an answer that names another consumer, restaurant or amount than its order's (forged,
 * or meant for another order) with a MismatchedMessageError: parked, never applied. `terms` is
 * absent only for a saga started before sagas recorded them; its answers are taken as they come.
 */
export function assertAnswerIsAbout(
  terms: OrderTerms | undefined,
  answer: { readonly context: string; readonly orderId: string; readonly participant: string; readonly about: AnswerAbout },
): void {
  if (!terms) return;
  const contradictions = contradictionsOf(terms, answer.about);
  if (contradictions.length > 0) throw new MismatchedMessageError(answer.context, answer.orderId, answer.participant, contradictions);
}
