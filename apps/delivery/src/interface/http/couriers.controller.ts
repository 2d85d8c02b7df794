import { Access, param } from '@brigade/auth';
import type { EventMetadata } from '@brigade/event-store';
import { ApiCommandController, CommandMetadata, PROBLEM_DESCRIPTION, UuidParamPipe } from '@brigade/service';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { CourierView } from '../../application/get-courier/courier.view';
import { GetCourier } from '../../application/get-courier/get-courier.query';
import { RegisterCourier } from '../../application/register-courier/register-courier.command';
import { SetCourierAvailability } from '../../application/set-courier-availability/set-courier-availability.command';
import { CourierRegisteredResponse, CourierResponse, RegisterCourierRequest, SetAvailabilityRequest } from './courier.dto';

const OWN = 'The courier themselves (a courier token bound to :courierId) and admins; anyone else gets 403 AUTH.FORBIDDEN.';
const NOT_FOUND = `Unknown courier (${PROBLEM_DESCRIPTION}: DELIVERY.COURIER.NOT_FOUND)`;

/**
 * Couriers over HTTP. Admins register couriers; a courier reads and sets their own availability
 * (a courier token bound to :courierId; anyone else gets 403 AUTH.FORBIDDEN), as admins may. Setting the availability answers with the courier as they now are (200),
 * a delivery they were given at once included; setting the one they have changes nothing (200).
 * 400 invalid input (fields named), 404 DELIVERY.COURIER.NOT_FOUND.
 */
@ApiTags('couriers')
@ApiCommandController()
@Controller('couriers')
export class CouriersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access.admin()
  @ApiOperation({ summary: 'Register a courier. They start off shift.', description: 'Admins only; anyone else gets 403 AUTH.FORBIDDEN.' })
  @ApiCreatedResponse({ type: CourierRegisteredResponse, description: 'Registered; Location points at the courier.' })
  async register(
    @Body() body: RegisterCourierRequest,
    @CommandMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CourierRegisteredResponse> {
    const registered = await this.commands.execute(new RegisterCourier({ courierId: randomUUID(), name: body.name }, metadata));
    void reply.header('Location', `/couriers/${registered.courierId}`);
    return registered;
  }

  @Get(':courierId')
  @Access.owner({ courier: param('courierId') })
  @ApiOperation({ summary: 'A courier: name, whether on shift, and the order whose delivery they carry.', description: OWN })
  @ApiParam({ name: 'courierId', format: 'uuid' })
  @ApiOkResponse({ type: CourierResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param('courierId', UuidParamPipe) courierId: string): Promise<CourierView> {
    return this.queries.execute(new GetCourier(courierId));
  }

  @Post(':courierId/availability')
  @Access.owner({ courier: param('courierId') })
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Go on shift (available: true) or off it. A courier free on shift is given the delivery that has waited longest, if any.',
    description: OWN,
  })
  @ApiParam({ name: 'courierId', format: 'uuid' })
  @ApiOkResponse({ type: CourierResponse, description: 'The courier as they now are.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  setAvailability(
    @Param('courierId', UuidParamPipe) courierId: string,
    @Body() body: SetAvailabilityRequest,
    @CommandMetadata() metadata: EventMetadata,
  ): Promise<CourierView> {
    return this.commands.execute(new SetCourierAvailability(courierId, body.available, metadata));
  }
}
