import { Access, CHECKED_BY_USE_CASE, RequestActor } from '@brigade/auth';
import type { Actor, EventMetadata } from '@brigade/event-store';
import { ApiCommandController, CommandMetadata, PROBLEM_DESCRIPTION, UuidParamPipe } from '@brigade/service';
import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { DeliveryView } from '../../application/get-delivery/delivery.view';
import { GetDelivery } from '../../application/get-delivery/get-delivery.query';
import { MarkDelivered } from '../../application/mark-delivered/mark-delivered.command';
import { MarkPickedUp } from '../../application/mark-picked-up/mark-picked-up.command';
import { DeliveryResponse } from './delivery.dto';

/** Said on every route: who may call it (the guard lets couriers in; the use case checks the delivery is theirs). */
const ACCESS =
  "The delivery's assigned courier (a courier token bound to its courierId) and admins; anyone else, or any courier while no courier is assigned, gets 403 AUTH.FORBIDDEN.";
const NOT_FOUND = `No delivery for this order (${PROBLEM_DESCRIPTION}: DELIVERY.DELIVERY.NOT_FOUND)`;

/**
 * Deliveries over HTTP, by order id, for the delivery's courier and admins: the use case loads the
 * delivery and checks its courier (403 AUTH.FORBIDDEN otherwise, after 404 for an order without a
 * delivery). The courier's commands answer with the delivery as it now is
 * (200) and are strict: out of turn, or repeated, they are refused with 409 (problem+json), so a
 * client can tell "done now" from "was already done". 400 invalid id, 404 DELIVERY.DELIVERY.NOT_FOUND.
 */
@ApiTags('deliveries')
@ApiCommandController()
@Access.owner({ courier: CHECKED_BY_USE_CASE })
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':orderId')
  @ApiOperation({ summary: "The order's delivery: state, courier, pickup and delivery addresses, the kitchen's readyBy.", description: ACCESS })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ type: DeliveryResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param('orderId', UuidParamPipe) orderId: string, @RequestActor() actor: Actor): Promise<DeliveryView> {
    return this.queries.execute(new GetDelivery(orderId, actor));
  }

  @Post(':orderId/pickup')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The courier took the food: allowed once a courier is assigned and the kitchen marked the food ready.', description: ACCESS })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ type: DeliveryResponse, description: 'The delivery, now PICKED_UP.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({
    description: `No courier yet, food not ready, or not ASSIGNED (${PROBLEM_DESCRIPTION}: DELIVERY.DELIVERY.NO_COURIER | NOT_READY_FOR_PICKUP | ILLEGAL_TRANSITION)`,
  })
  pickUp(@Param('orderId', UuidParamPipe) orderId: string, @CommandMetadata() metadata: EventMetadata): Promise<DeliveryView> {
    return this.commands.execute(new MarkPickedUp(orderId, metadata));
  }

  @Post(':orderId/deliver')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The food reached the door: allowed once picked up. The courier is then free for the next delivery.', description: ACCESS })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ type: DeliveryResponse, description: 'The delivery, now DELIVERED.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: `Not picked up yet, or not PICKED_UP (${PROBLEM_DESCRIPTION}: DELIVERY.DELIVERY.NOT_PICKED_UP | ILLEGAL_TRANSITION)` })
  deliver(@Param('orderId', UuidParamPipe) orderId: string, @CommandMetadata() metadata: EventMetadata): Promise<DeliveryView> {
    return this.commands.execute(new MarkDelivered(orderId, metadata));
  }
}
