import { Access, param } from '@brigade/auth';
import type { EventMetadata } from '@brigade/event-store';
import { ApiCommandController, CommandMetadata, PROBLEM_DESCRIPTION, UuidParamPipe } from '@brigade/service';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CloseRestaurant } from '../../application/close-restaurant/close-restaurant.command';
import { CreateRestaurant } from '../../application/create-restaurant/create-restaurant.command';
import { GetRestaurant } from '../../application/get-restaurant/get-restaurant.query';
import type { RestaurantView } from '../../application/get-restaurant/restaurant.view';
import { OpenRestaurant } from '../../application/open-restaurant/open-restaurant.command';
import { ReviseMenu } from '../../application/revise-menu/revise-menu.command';
import { CreateRestaurantRequest, RestaurantCreatedResponse, RestaurantResponse, ReviseMenuRequest } from './restaurant.dto';

/**
 * Restaurants over HTTP. Commands answer with the restaurant as it now is (200), so a client
 * needs no second round trip; errors are problem+json: 400 invalid input (fields named),
 * 404 RESTAURANTS.RESTAURANT.NOT_FOUND, 409 for a transition that would change nothing.
 * Access: anyone reads a restaurant; admins create them; a restaurant's staff revise its menu
 * and open or close it (another restaurant's → 403 AUTH.FORBIDDEN).
 */
@ApiTags('restaurants')
@ApiCommandController()
@Controller('restaurants')
export class RestaurantsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access.admin()
  @ApiOperation({ summary: 'Register a restaurant with its menu (admins). It starts closed.' })
  @ApiCreatedResponse({ type: RestaurantCreatedResponse, description: 'Created; Location points at the restaurant.' })
  async create(
    @Body() body: CreateRestaurantRequest,
    @CommandMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RestaurantCreatedResponse> {
    const { name, address, menu } = body;
    const created = await this.commands.execute(new CreateRestaurant({ restaurantId: randomUUID(), name, address, menu }, metadata));
    void reply.header('Location', `/restaurants/${created.restaurantId}`);
    return created;
  }

  @Get(':restaurantId')
  @Access.public()
  @ApiOperation({ summary: 'A restaurant: name, address, menu, whether it is open, and its version. Public: no token needed.' })
  @ApiParam({ name: 'restaurantId', format: 'uuid' })
  @ApiOkResponse({ type: RestaurantResponse })
  @ApiNotFoundResponse({ description: `Unknown restaurant (${PROBLEM_DESCRIPTION}: RESTAURANTS.RESTAURANT.NOT_FOUND)` })
  get(@Param('restaurantId', UuidParamPipe) restaurantId: string): Promise<RestaurantView> {
    return this.queries.execute(new GetRestaurant(restaurantId));
  }

  @Put(':restaurantId/menu')
  @HttpCode(HttpStatus.OK)
  @Access.owner({ restaurant: param('restaurantId') })
  @ApiOperation({ summary: "Replace the whole menu (the restaurant's staff, or an admin). Sending the current menu again changes nothing." })
  @ApiParam({ name: 'restaurantId', format: 'uuid' })
  @ApiOkResponse({ type: RestaurantResponse, description: 'The restaurant with its new menu.' })
  @ApiNotFoundResponse({ description: `Unknown restaurant (${PROBLEM_DESCRIPTION}: RESTAURANTS.RESTAURANT.NOT_FOUND)` })
  reviseMenu(
    @Param('restaurantId', UuidParamPipe) restaurantId: string,
    @Body() body: ReviseMenuRequest,
    @CommandMetadata() metadata: EventMetadata,
  ): Promise<RestaurantView> {
    return this.commands.execute(new ReviseMenu(restaurantId, body.menu, metadata));
  }

  @Post(':restaurantId/open')
  @HttpCode(HttpStatus.OK)
  @Access.owner({ restaurant: param('restaurantId') })
  @ApiOperation({ summary: "Start taking orders (the restaurant's staff, or an admin)." })
  @ApiParam({ name: 'restaurantId', format: 'uuid' })
  @ApiOkResponse({ type: RestaurantResponse, description: 'The restaurant, now open.' })
  @ApiNotFoundResponse({ description: `Unknown restaurant (${PROBLEM_DESCRIPTION}: RESTAURANTS.RESTAURANT.NOT_FOUND)` })
  @ApiConflictResponse({ description: `Already open (${PROBLEM_DESCRIPTION}: RESTAURANTS.RESTAURANT.ALREADY_OPEN)` })
  open(@Param('restaurantId', UuidParamPipe) restaurantId: string, @CommandMetadata() metadata: EventMetadata): Promise<RestaurantView> {
    return this.commands.execute(new OpenRestaurant(restaurantId, metadata));
  }

  @Post(':restaurantId/close')
  @HttpCode(HttpStatus.OK)
  @Access.owner({ restaurant: param('restaurantId') })
  @ApiOperation({ summary: "Stop taking new orders (the restaurant's staff, or an admin)." })
  @ApiParam({ name: 'restaurantId', format: 'uuid' })
  @ApiOkResponse({ type: RestaurantResponse, description: 'The restaurant, now closed.' })
  @ApiNotFoundResponse({ description: `Unknown restaurant (${PROBLEM_DESCRIPTION}: RESTAURANTS.RESTAURANT.NOT_FOUND)` })
  @ApiConflictResponse({ description: `Already closed (${PROBLEM_DESCRIPTION}: RESTAURANTS.RESTAURANT.ALREADY_CLOSED)` })
  close(@Param('restaurantId', UuidParamPipe) restaurantId: string, @CommandMetadata() metadata: EventMetadata): Promise<RestaurantView> {
    return this.commands.execute(new CloseRestaurant(restaurantId, metadata));
  }
}
