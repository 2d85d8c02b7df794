import { Access, CHECKED_BY_USE_CASE, param, RequestActor } from '@brigade/auth';
import type { Actor } from '@brigade/event-store';
import { ApiCommandController, PROBLEM_DESCRIPTION, UuidParamPipe } from '@brigade/service';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GetOrderHistory } from '../../application/get-order-history/get-order-history.query';
import { GetOrderStatus, ServedOrderStatus } from '../../application/get-order-status/get-order-status.query';
import { ListConsumerOrders, OrderPage } from '../../application/list-consumer-orders/list-consumer-orders.query';
import type { OrderStatus } from '../../projections/order-status/order-status';
import type { OrderHistoryView } from '../../projections/order-view/order-history.view';
import { ConsumerOrdersQuery, DEFAULT_PAGE_SIZE, OrderHistoryResponse, OrderPageResponse, OrderStatusResponse } from './order-history.dto';

/** Which store answered a status: `redis` or `postgres` (for tests, benchmarks and operators). */
export const SERVED_FROM_HEADER = 'X-Served-From';

const NOT_FOUND = `No event about this order has reached the order history (${PROBLEM_DESCRIPTION}: ORDER_HISTORY.ORDER.NOT_FOUND)`;
const OWN_ORDER = 'The order’s consumer or an admin; another consumer’s order answers 403 AUTH.FORBIDDEN.';

/**
 * The query side's orders: read from views fed by every context's events, so they lag those
 * contexts by the time an event takes to arrive. 400 invalid input (fields named), 404 unknown order.
 * Access: a consumer sees only their own orders (an order's owner is known once its row is read,
 * so the query checks it: unknown 404, someone else's 403); an admin sees every order.
 */
@ApiTags('order-history')
@ApiCommandController()
@Controller('order-history')
export class OrderHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get('orders/:orderId')
  @Access.owner({ consumer: CHECKED_BY_USE_CASE })
  @ApiOperation({
    summary: 'An order with its consumer and restaurant names, lines, lifecycle state and last change, ticket, payment and delivery progress (with the courier), and its timeline.',
    description: OWN_ORDER,
  })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ type: OrderHistoryResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param('orderId', UuidParamPipe) orderId: string, @RequestActor() actor: Actor): Promise<OrderHistoryView> {
    return this.queries.execute(new GetOrderHistory(orderId, actor));
  }

  @Get('orders/:orderId/status')
  @Access.owner({ consumer: CHECKED_BY_USE_CASE })
  @ApiOperation({
    summary: "Where an order stands (state, ticket, payment, delivery, readyBy, version): the hot path, served from Redis when it can be, else from PostgreSQL.",
    description: `${OWN_ORDER} The owner is checked on the same read as the status (Redis keeps it beside the status).`,
  })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ type: OrderStatusResponse, headers: { [SERVED_FROM_HEADER]: { description: '`redis` or `postgres`', schema: { type: 'string', enum: ['redis', 'postgres'] } } } })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async status(
    @Param('orderId', UuidParamPipe) orderId: string,
    @RequestActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderStatus> {
    const { status, servedFrom }: ServedOrderStatus = await this.queries.execute(new GetOrderStatus(orderId, actor));
    void reply.header(SERVED_FROM_HEADER, servedFrom);
    return status;
  }

  @Get('consumers/:consumerId/orders')
  @Access.owner({ consumer: param('consumerId') })
  @ApiOperation({
    summary: "A consumer's orders, newest first: optionally one state only, or matching keywords; one page per call.",
    description: 'That consumer or an admin; another consumer answers 403 AUTH.FORBIDDEN.',
  })
  @ApiParam({ name: 'consumerId', format: 'uuid' })
  @ApiOkResponse({ type: OrderPageResponse })
  list(@Param('consumerId', UuidParamPipe) consumerId: string, @Query() query: ConsumerOrdersQuery): Promise<OrderPage> {
    const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
    return this.queries.execute(new ListConsumerOrders(consumerId, { state: query.status, q: query.q, cursor: query.cursor, limit }));
  }
}
