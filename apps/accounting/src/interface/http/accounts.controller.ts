import type { EventMetadata } from '@brigade/event-store';
import { ApiCommandController, CommandMetadata, PROBLEM_DESCRIPTION, UuidParamPipe } from '@brigade/service';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ChangeCreditLimit } from '../../application/change-credit-limit/change-credit-limit.command';
import type { AccountView } from '../../application/get-account/account.view';
import { GetAccount } from '../../application/get-account/get-account.query';
import { AccountResponse, ChangeCreditLimitRequest } from './account.dto';

/**
 * Consumers' accounts over HTTP. Accounts are opened by accounting itself when a consumer
 * registers; here they are read and their credit limit set. Errors are problem+json: 400 invalid
 * input (fields named), 404 ACCOUNTING.ACCOUNT.NOT_FOUND, 422 a limit below what the open authorisations hold.
 */
@ApiTags('accounts')
@ApiCommandController()
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':consumerId')
  @ApiOperation({ summary: "A consumer's account: credit limit, available credit and its latest payments, newest first." })
  @ApiParam({ name: 'consumerId', format: 'uuid' })
  @ApiOkResponse({ type: AccountResponse })
  @ApiNotFoundResponse({ description: `No account for this consumer (${PROBLEM_DESCRIPTION}: ACCOUNTING.ACCOUNT.NOT_FOUND)` })
  get(@Param('consumerId', UuidParamPipe) consumerId: string): Promise<AccountView> {
    return this.queries.execute(new GetAccount(consumerId));
  }

  @Put(':consumerId/credit-limit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Set the credit limit. The available credit moves by the difference; the same limit again changes nothing.' })
  @ApiParam({ name: 'consumerId', format: 'uuid' })
  @ApiOkResponse({ type: AccountResponse, description: 'The account with its new limit.' })
  @ApiNotFoundResponse({ description: `No account for this consumer (${PROBLEM_DESCRIPTION}: ACCOUNTING.ACCOUNT.NOT_FOUND)` })
  @ApiUnprocessableEntityResponse({
    description: `Limit below what is currently authorised (${PROBLEM_DESCRIPTION}: ACCOUNTING.ACCOUNT.CREDIT_LIMIT_BELOW_AUTHORIZED)`,
  })
  changeCreditLimit(
    @Param('consumerId', UuidParamPipe) consumerId: string,
    @Body() body: ChangeCreditLimitRequest,
    @CommandMetadata() metadata: EventMetadata,
  ): Promise<AccountView> {
    return this.commands.execute(new ChangeCreditLimit(consumerId, body.creditLimitCents, metadata));
  }
}
