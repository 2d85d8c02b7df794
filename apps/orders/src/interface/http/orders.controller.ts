import { Access, body, CHECKED_BY_USE_CASE, RequestActor } from '@brigade/auth';
import type { Actor, EventMetadata } from '@brigade/event-store';
import { ApiCommandController, CommandMetadata, PROBLEM_DESCRIPTION, UuidParamPipe } from '@brigade/service';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { CancelOrder } from '../../application/cancel-order/cancel-order.command';
import { CreateOrder } from '../../application/create-order/create-order.command';
import { GetOrder } from '../../application/get-order/get-order.query';
import type { OrderView } from '../../application/get-order/order.view';
import { ReviseOrder } from '../../application/revise-order/revise-order.command';
import type { DeliveryAddress } from '../../domain/order.types';
import { CreateOrderRequest, DeliveryAddressDto, OrderCreatedResponse, OrderResponse, ReviseOrderRequest } from './order.dto';

/**
 * Orders over HTTP. POST places the order (APPROVAL_PENDING) and answers at once; approval is
 * asynchronous (the CreateOrder saga), so clients follow it with GET. Errors are problem+json:
 * 400 invalid input (fields named), 404 unknown order or restaurant, 422 a business rule.
 * Access: a consumer places orders for themselves and reads, cancels and revises only their own
 * (an order's owner is known once it is loaded, so the use case checks it: unknown 404, someone
 * else's 403); an admin acts on any.
 */
@ApiTags('orders')
@ApiCommandController()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access.owner({ consumer: body('consumerId') })
  @ApiOperation({
    summary: 'Place an order. It awaits approval by the consumer, kitchen and accounting checks.',
    description: 'A consumer places orders for themselves only (body.consumerId is their own); an admin for anyone.',
  })
  @ApiCreatedResponse({ type: OrderCreatedResponse, description: 'Created APPROVAL_PENDING; Location points at the order.' })
  @ApiNotFoundResponse({ description: `Restaurant not known to orders (${PROBLEM_DESCRIPTION}: ORDERS.RESTAURANT.NOT_FOUND)` })
  @ApiUnprocessableEntityResponse({
    description: `Restaurant closed, item not on the menu, or quantity outside 1..100 (${PROBLEM_DESCRIPTION}: ORDERS.RESTAURANT.CLOSED, ORDERS.RESTAURANT.UNKNOWN_MENU_ITEM, ORDERS.ORDER.INVALID_QUANTITY)`,
  })
  async create(
    @Body() request: CreateOrderRequest,
    @CommandMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderCreatedResponse> {
    const { consumerId, restaurantId, lineItems, deliveryAddress, deliveryTime } = request;
    const order = {
      orderId: randomUUID(),
      consumerId: consumerId.toLowerCase(),
      restaurantId: restaurantId.toLowerCase(),
      lineItems: lineItems.map(({ menuItemId, quantity }) => ({ menuItemId: menuItemId.toLowerCase(), quantity })),
      deliveryAddress: addressOf(deliveryAddress),
      // One spelling on the wire: UTC with milliseconds, whatever offset the client sent.
      ...(deliveryTime === undefined ? {} : { deliveryTime: new Date(deliveryTime).toISOString() }),
    };
    const created = await this.commands.execute(new CreateOrder(order, metadata));
    void reply.header('Location', `/orders/${created.orderId}`);
    return created;
  }

  @Post(':orderId/cancel')
  @HttpCode(HttpStatus.ACCEPTED)
  @Access.owner({ consumer: CHECKED_BY_USE_CASE })
  @ApiOperation({
    summary: 'Ask to cancel an APPROVED order. The kitchen decides; follow it with GET (state, lastChange).',
    description: 'The order’s consumer or an admin; another consumer’s order answers 403 AUTH.FORBIDDEN.',
  })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiAcceptedResponse({ description: 'CANCEL_PENDING: the CancelOrder saga asks the kitchen.' })
  @ApiNotFoundResponse({ description: `Unknown order (${PROBLEM_DESCRIPTION}: ORDERS.ORDER.NOT_FOUND)` })
  @ApiConflictResponse({ description: `Not APPROVED, or a change is pending (${PROBLEM_DESCRIPTION}: ORDERS.ORDER.NOT_CANCELLABLE)` })
  async cancel(@Param('orderId', UuidParamPipe) orderId: string, @CommandMetadata() metadata: EventMetadata): Promise<void> {
    await this.commands.execute(new CancelOrder(orderId, metadata));
  }

  @Post(':orderId/revise')
  @HttpCode(HttpStatus.ACCEPTED)
  @Access.owner({ consumer: CHECKED_BY_USE_CASE })
  @ApiOperation({
    summary: 'Propose new lines for an APPROVED order. Kitchen and accounting decide; follow it with GET (state, lastChange).',
    description: 'The order’s consumer or an admin; another consumer’s order answers 403 AUTH.FORBIDDEN.',
  })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiAcceptedResponse({ description: 'REVISION_PENDING: the ReviseOrder saga asks the kitchen and accounting.' })
  @ApiNotFoundResponse({ description: `Unknown order, or its restaurant unknown to orders (${PROBLEM_DESCRIPTION}: ORDERS.ORDER.NOT_FOUND, ORDERS.RESTAURANT.NOT_FOUND)` })
  @ApiConflictResponse({ description: `Not APPROVED, or a change is pending (${PROBLEM_DESCRIPTION}: ORDERS.ORDER.NOT_REVISABLE)` })
  @ApiUnprocessableEntityResponse({
    description: `Restaurant closed, item not on the menu, or quantity outside 1..100 (${PROBLEM_DESCRIPTION}: ORDERS.RESTAURANT.CLOSED, ORDERS.RESTAURANT.UNKNOWN_MENU_ITEM, ORDERS.ORDER.INVALID_QUANTITY)`,
  })
  async revise(@Param('orderId', UuidParamPipe) orderId: string, @Body() body: ReviseOrderRequest, @CommandMetadata() metadata: EventMetadata): Promise<void> {
    const lineItems = body.lineItems.map(({ menuItemId, quantity }) => ({ menuItemId: menuItemId.toLowerCase(), quantity }));
    await this.commands.execute(new ReviseOrder(orderId, lineItems, metadata));
  }

  @Get(':orderId')
  @Access.owner({ consumer: CHECKED_BY_USE_CASE })
  @ApiOperation({
    summary: 'An order: its state, priced lines, total, rejection reason if any, its last change, and version.',
    description: 'The order’s consumer or an admin; another consumer’s order answers 403 AUTH.FORBIDDEN.',
  })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiNotFoundResponse({ description: `Unknown order (${PROBLEM_DESCRIPTION}: ORDERS.ORDER.NOT_FOUND)` })
  get(@Param('orderId', UuidParamPipe) orderId: string, @RequestActor() actor: Actor): Promise<OrderView> {
    return this.queries.execute(new GetOrder(orderId, actor));
  }
}

function addressOf({ street1, street2, city, zip }: DeliveryAddressDto): DeliveryAddress {
  return street2 === undefined ? { street1, city, zip } : { street1, street2, city, zip };
}
