import type { AnswerAbout } from './order-terms';
import { DeliveryAddress, RequestedLine, RestaurantSnapshot } from './order.types';

/** The fulfilment steps the Order mirrors from the kitchen and delivery, in the order they happen. */
export const FULFILMENT_STEPS = ['StartPreparation', 'MarkReadyForPickup', 'MarkPickedUp', 'MarkDelivered'] as const;
export type FulfilmentStep = (typeof FULFILMENT_STEPS)[number];

export type OrderCommand =
  | {
      type: 'CreateOrder';
      data: {
        orderId: string;
        consumerId: string;
        restaurant: RestaurantSnapshot;
        lineItems: RequestedLine[];
        deliveryAddress: DeliveryAddress;
        deliveryTime?: string;
      };
    }
  | { type: 'ApproveOrder'; data: { orderId: string } }
  | { type: 'RejectOrder'; data: { orderId: string; reason: string } }
  | { type: 'RequestCancel'; data: { orderId: string } }
  | { type: 'ConfirmCancel'; data: { orderId: string } }
  | { type: 'RefuseCancel'; data: { orderId: string; reason: string } }
  | { type: 'ProposeRevision'; data: { orderId: string; restaurant: RestaurantSnapshot; lineItems: RequestedLine[] } }
  | { type: 'ConfirmRevision'; data: { orderId: string; revision: number } }
  | { type: 'RejectRevision'; data: { orderId: string; revision: number; reason: string } }
  /** `about`: what the kitchen's or the courier's message names about the order (its restaurant). */
  | { type: FulfilmentStep; data: { orderId: string; about: AnswerAbout } };
