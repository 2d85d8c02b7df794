import { ApiCommandController, PROBLEM_DESCRIPTION, UuidParamPipe } from '@brigade/service';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { GetOrderHistory } from '../../application/get-order-history/get-order-history.query';
import { ListConsumerOrders, OrderPage } from '../../application/list-consumer-orders/list-consumer-orders.query';
import type { OrderHistoryView } from '../../projections/order-view/order-history.view';
import { ConsumerOrdersQuery, DEFAULT_PAGE_SIZE, OrderHistoryResponse, OrderPageResponse } from './order-history.dto';

const NOT_FOUND = `No event about this order has reached the order history (${PROBLEM_DESCRIPTION}: ORDER_HISTORY.ORDER.NOT_FOUND)`;

/**
 * The query side's orders: read from views fed by every context's events, so they lag those
 * contexts by the time an event takes to arrive. 400 invalid input (fields named), 404 unknown order.
 */
@ApiTags('order-history')
@ApiCommandController()
@Controller('order-history')
export class OrderHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get('orders/:orderId')
  @ApiOperation({ summary: 'An order with its consumer and restaurant names, lines, ticket and payment progress, and its timeline.' })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ type: OrderHistoryResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param('orderId', UuidParamPipe) orderId: string): Promise<OrderHistoryView> {
    return this.queries.execute(new GetOrderHistory(orderId));
  }

  @Get('consumers/:consumerId/orders')
  @ApiOperation({ summary: "A consumer's orders, newest first: optionally one state only, or matching keywords; one page per call." })
  @ApiParam({ name: 'consumerId', format: 'uuid' })
  @ApiOkResponse({ type: OrderPageResponse })
  list(@Param('consumerId', UuidParamPipe) consumerId: string, @Query() query: ConsumerOrdersQuery): Promise<OrderPage> {
    const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
    return this.queries.execute(new ListConsumerOrders(consumerId, { state: query.status, q: query.q, cursor: query.cursor, limit }));
  }
}
