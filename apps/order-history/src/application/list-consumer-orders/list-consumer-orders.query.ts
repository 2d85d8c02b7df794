import { Query } from '@nestjs/cqrs';
import type { OrderState, OrderSummary } from '../../projections/order-view/order-history.view';

export interface OrderPage {
  readonly items: readonly OrderSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** One page of a consumer's orders, newest first; `cursor`, `q` and `state` as the client sent them (validated). */
export class ListConsumerOrders extends Query<OrderPage> {
  constructor(
    readonly consumerId: string,
    readonly page: { readonly state?: OrderState; readonly q?: string; readonly cursor?: string; readonly limit: number },
  ) {
    super();
  }
}
