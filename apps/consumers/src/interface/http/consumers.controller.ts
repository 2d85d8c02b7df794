import { Access, param } from '@brigade/auth';
import type { EventMetadata } from '@brigade/event-store';
import { ApiCommandController, CommandMetadata, PROBLEM_DESCRIPTION, UuidParamPipe } from '@brigade/service';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
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
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { ConsumerView } from '../../application/get-consumer/consumer.view';
import { GetConsumer } from '../../application/get-consumer/get-consumer.query';
import { ReactivateConsumer } from '../../application/reactivate-consumer/reactivate-consumer.command';
import { RegisterConsumer } from '../../application/register-consumer/register-consumer.command';
import { SuspendConsumer } from '../../application/suspend-consumer/suspend-consumer.command';
import { ConsumerRegisteredResponse, ConsumerResponse, RegisterConsumerRequest } from './consumer.dto';

/**
 * Consumers over HTTP. Suspend and reactivate answer with the consumer as it now is (200), so a
 * client needs no second round trip; errors are problem+json: 400 invalid input (fields named),
 * 404 CONSUMERS.CONSUMER.NOT_FOUND, 409 for a transition that would change nothing.
 * Access: admins register, suspend and reactivate; a consumer reads only their own consumer
 * (another's → 403 AUTH.FORBIDDEN).
 */
@ApiTags('consumers')
@ApiCommandController()
@Controller('consumers')
export class ConsumersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access.admin()
  @ApiOperation({ summary: 'Register a consumer (admins; people sign up through identity). It starts ACTIVE: it may place orders.' })
  @ApiCreatedResponse({ type: ConsumerRegisteredResponse, description: 'Registered; Location points at the consumer.' })
  async register(
    @Body() body: RegisterConsumerRequest,
    @CommandMetadata() metadata: EventMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsumerRegisteredResponse> {
    const name = { firstName: body.name.firstName, lastName: body.name.lastName };
    const registered = await this.commands.execute(new RegisterConsumer({ consumerId: randomUUID(), name, email: body.email }, metadata));
    void reply.header('Location', `/consumers/${registered.consumerId}`);
    return registered;
  }

  @Get(':consumerId')
  @Access.owner({ consumer: param('consumerId') })
  @ApiOperation({ summary: 'A consumer: name, email, status and version. The consumer themself, or an admin.' })
  @ApiParam({ name: 'consumerId', format: 'uuid' })
  @ApiOkResponse({ type: ConsumerResponse })
  @ApiNotFoundResponse({ description: `Unknown consumer (${PROBLEM_DESCRIPTION}: CONSUMERS.CONSUMER.NOT_FOUND)` })
  get(@Param('consumerId', UuidParamPipe) consumerId: string): Promise<ConsumerView> {
    return this.queries.execute(new GetConsumer(consumerId));
  }

  @Post(':consumerId/suspend')
  @HttpCode(HttpStatus.OK)
  @Access.admin()
  @ApiOperation({ summary: 'Suspend the consumer (admins): its new orders fail validation until it is reactivated.' })
  @ApiParam({ name: 'consumerId', format: 'uuid' })
  @ApiOkResponse({ type: ConsumerResponse, description: 'The consumer, now suspended.' })
  @ApiNotFoundResponse({ description: `Unknown consumer (${PROBLEM_DESCRIPTION}: CONSUMERS.CONSUMER.NOT_FOUND)` })
  @ApiConflictResponse({ description: `Already suspended (${PROBLEM_DESCRIPTION}: CONSUMERS.CONSUMER.ALREADY_SUSPENDED)` })
  suspend(@Param('consumerId', UuidParamPipe) consumerId: string, @CommandMetadata() metadata: EventMetadata): Promise<ConsumerView> {
    return this.commands.execute(new SuspendConsumer(consumerId, metadata));
  }

  @Post(':consumerId/reactivate')
  @HttpCode(HttpStatus.OK)
  @Access.admin()
  @ApiOperation({ summary: 'Let a suspended consumer order again (admins).' })
  @ApiParam({ name: 'consumerId', format: 'uuid' })
  @ApiOkResponse({ type: ConsumerResponse, description: 'The consumer, ACTIVE again.' })
  @ApiNotFoundResponse({ description: `Unknown consumer (${PROBLEM_DESCRIPTION}: CONSUMERS.CONSUMER.NOT_FOUND)` })
  @ApiConflictResponse({ description: `Already active (${PROBLEM_DESCRIPTION}: CONSUMERS.CONSUMER.ALREADY_ACTIVE)` })
  reactivate(@Param('consumerId', UuidParamPipe) consumerId: string, @CommandMetadata() metadata: EventMetadata): Promise<ConsumerView> {
    return this.commands.execute(new ReactivateConsumer(consumerId, metadata));
  }
}
