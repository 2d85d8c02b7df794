import type { EventMetadata } from '@brigade/event-store';
import { ApiCommandController, CommandMetadata, PROBLEM_DESCRIPTION, UuidParamPipe } from '@brigade/service';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
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
import { CreateOrder } from '../../application/create-order/create-order.command';
import { GetOrder } from '../../application/get-order/get-order.query';
import type { OrderView } from '../../application/get-order/order.view';
import type { DeliveryAddress } from '../../domain/order.types';
import { CreateOrderRequest, DeliveryAddressDto, OrderCreatedResponse, OrderResponse } from './order.dto';

/**
 * Orders over HTTP. POST places the order (APPROVAL_PENDING) and answers at once; approval is
 * asynchronous (the CreateOrder saga), so clients follow it with GET. Errors are problem+json:
 * 400 invalid input (fields named), 404 unknown order or restaurant, 422 a business rule.
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
  @ApiOperation({ summary: 'Place an order. It awaits approval by the consumer, kitchen and accounting checks.' })
  @ApiCreatedResponse({ type: OrderCreatedResponse, description: 'Created APPROVAL_PENDING; Location points at the order.' })
  @ApiNotFoundResponse({ description: `Restaurant not known to orders (${PROBLEM_DESCRIPTION}: ORDERS.RESTAURANT.NOT_FOUND)` })
  @ApiUnprocessableEntityResponse({
    description: `Restaurant closed, item not on the menu, or quantity outside 1..100 (${PROBLEM_DESCRIPTION}: ORDERS.RESTAURANT.CLOSED, ORDERS.RESTAURANT.UNKNOWN_MENU_ITEM, ORDERS.ORDER.INVALID_QUANTITY)`,
  })
  async create(
    @Body() body: CreateOrderRequest,
    @CommandMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderCreatedResponse> {
    const { consumerId, restaurantId, lineItems, deliveryAddress, deliveryTime } = body;
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

  @Get(':orderId')
  @ApiOperation({ summary: 'An order: its state, priced lines, total, rejection reason if any, and version.' })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiNotFoundResponse({ description: `Unknown order (${PROBLEM_DESCRIPTION}: ORDERS.ORDER.NOT_FOUND)` })
  get(@Param('orderId', UuidParamPipe) orderId: string): Promise<OrderView> {
    return this.queries.execute(new GetOrder(orderId));
  }
}

function addressOf({ street1, street2, city, zip }: DeliveryAddressDto): DeliveryAddress {
  return street2 === undefined ? { street1, city, zip } : { street1, street2, city, zip };
}
