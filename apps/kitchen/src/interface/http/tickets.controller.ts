import { Access, CHECKED_BY_USE_CASE, RequestActor } from '@brigade/auth';
import type { Actor, EventMetadata } from '@brigade/event-store';
import { ApiCommandController, CommandMetadata, PROBLEM_DESCRIPTION, UuidParamPipe } from '@brigade/service';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AcceptTicket } from '../../application/accept-ticket/accept-ticket.command';
import { GetTicket } from '../../application/get-ticket/get-ticket.query';
import type { TicketView } from '../../application/get-ticket/ticket.view';
import { MarkReadyForPickup } from '../../application/mark-ready-for-pickup/mark-ready-for-pickup.command';
import { StartPreparing } from '../../application/start-preparing/start-preparing.command';
import { TicketErrorCodes } from '../../domain/ticket.errors';
import { AcceptTicketRequest, TicketResponse } from './ticket.dto';

/** Said on every route: who may call it (the guard lets restaurant staff in; the use case checks the ticket is theirs). */
const ACCESS = "The ticket's own restaurant staff (a restaurant token bound to the ticket's restaurant) and admins; anyone else gets 403 AUTH.FORBIDDEN.";
const NOT_FOUND = `No ticket for this order (${PROBLEM_DESCRIPTION}: ${TicketErrorCodes.NotFound})`;
const ILLEGAL = `Not allowed in the ticket's state (${PROBLEM_DESCRIPTION}: ${TicketErrorCodes.IllegalTransition})`;
const ILLEGAL_OR_PENDING =
  `Not allowed in the ticket's state (${PROBLEM_DESCRIPTION}: ${TicketErrorCodes.IllegalTransition}), ` +
  `or the order has not decided a revision the ticket accepted (${TicketErrorCodes.RevisionPending})`;

/**
 * Tickets over HTTP, by order id, for the ticket's restaurant's staff and admins: the use case
 * loads the ticket and checks its restaurant (another restaurant's ticket, or a consumer's or
 * courier's token: 403 AUTH.FORBIDDEN, after 404 for an order without a ticket). Staff commands
 * answer with the ticket as it now is (200); 400 invalid input (fields named), 404
 * KITCHEN.TICKET.NOT_FOUND, 409 KITCHEN.TICKET.ILLEGAL_TRANSITION or, for accept and preparing
 * while a revision is pending, KITCHEN.TICKET.REVISION_PENDING.
 */
@ApiTags('tickets')
@ApiCommandController()
@Access.owner({ restaurant: CHECKED_BY_USE_CASE })
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':orderId')
  @ApiOperation({ summary: "The order's ticket: state, current lines, readyBy, a pending revision, and the reason of a rejection or cancellation.", description: ACCESS })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ type: TicketResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param('orderId', UuidParamPipe) orderId: string, @RequestActor() actor: Actor): Promise<TicketView> {
    return this.queries.execute(new GetTicket(orderId, actor));
  }

  @Post(':orderId/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept a ticket awaiting acceptance, promising it ready by readyBy (in the future).', description: ACCESS })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ type: TicketResponse, description: 'The ticket, now ACCEPTED.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: ILLEGAL_OR_PENDING })
  accept(
    @Param('orderId', UuidParamPipe) orderId: string,
    @Body() body: AcceptTicketRequest,
    @CommandMetadata() metadata: EventMetadata,
  ): Promise<TicketView> {
    // One spelling on the wire and in the stream, whatever offset the client used.
    return this.commands.execute(new AcceptTicket(orderId, new Date(body.readyBy).toISOString(), metadata));
  }

  @Post(':orderId/preparing')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Start preparing an accepted ticket.', description: ACCESS })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ type: TicketResponse, description: 'The ticket, now PREPARING.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: ILLEGAL_OR_PENDING })
  preparing(@Param('orderId', UuidParamPipe) orderId: string, @CommandMetadata() metadata: EventMetadata): Promise<TicketView> {
    return this.commands.execute(new StartPreparing(orderId, metadata));
  }

  @Post(':orderId/ready')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark a ticket in preparation ready for pickup.', description: ACCESS })
  @ApiParam({ name: 'orderId', format: 'uuid' })
  @ApiOkResponse({ type: TicketResponse, description: 'The ticket, now READY_FOR_PICKUP.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: ILLEGAL })
  ready(@Param('orderId', UuidParamPipe) orderId: string, @CommandMetadata() metadata: EventMetadata): Promise<TicketView> {
    return this.commands.execute(new MarkReadyForPickup(orderId, metadata));
  }
}
