import { assertNever } from '@brigade/domain';
import type { HoldCredit, ReleaseCredit } from './account.commands';
import type { PaymentEvent } from './payment.events';

/**
 * What a payment's decision does to its account, applied in the same transaction: an
 * authorisation holds its amount, a void or a capture releases it, a revision (or its undoing)
 * holds or releases the difference. So `heldCents` is always the sum of the open authorisations.
 * Verdicts that change no amount (declines, a revision made final) touch nothing.
 */
export function holdCommandsFor(events: readonly PaymentEvent[]): Array<HoldCredit | ReleaseCredit> {
  return events.flatMap((event): Array<HoldCredit | ReleaseCredit> => {
    switch (event.type) {
      case 'PaymentAuthorized':
        return change(event.data, event.data.amountCents);
      case 'PaymentVoided':
      case 'PaymentCaptured':
        return change(event.data, -event.data.amountCents);
      case 'PaymentRevised':
        return change(event.data, event.data.amountCents - event.data.previousAmountCents);
      case 'PaymentRevisionUndone':
        return change(event.data, event.data.amountCents - event.data.revisedAmountCents);
      case 'PaymentDeclined':
      case 'PaymentRevisionDeclined':
      case 'PaymentRevisionFinalized':
        return [];
      default:
        return assertNever(event);
    }
  });
}

function change({ consumerId, orderId }: { consumerId: string; orderId: string }, deltaCents: number): Array<HoldCredit | ReleaseCredit> {
  if (deltaCents > 0) return [{ type: 'HoldCredit', data: { consumerId, orderId, amountCents: deltaCents } }];
  if (deltaCents < 0) return [{ type: 'ReleaseCredit', data: { consumerId, orderId, amountCents: -deltaCents } }];
  return [];
}
