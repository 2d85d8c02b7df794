import { Access, param } from '@brigade/auth';
import type { EventMetadata } from '@brigade/event-store';
import { ApiCommandController, CommandMetadata, PROBLEM_DESCRIPTION, UuidParamPipe } from '@brigade/service';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Put, Query } from '@nestjs/common';
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
import { PaymentPageSize } from '../../application/get-account/payment-page';
import { AccountQuery, AccountResponse, ChangeCreditLimitRequest } from './account.dto';

/**
 * Consumers' accounts over HTTP. Accounts are opened by accounting itself when a consumer
 * registers; here they are read and their credit limit set. Errors are problem+json: 400 invalid
 * input (fields named), 404 ACCOUNTING.ACCOUNT.NOT_FOUND, 422 a limit below what the open authorisations hold.
 * Access: a consumer reads only their own account (another's → 403 AUTH.FORBIDDEN); only admins set credit limits.
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
  @Access.owner({ consumer: param('consumerId') })
  @ApiOperation({
    summary:
      "A consumer's account: credit limit, available credit and one page of its payments, newest first (`nextCursor` pages on). The consumer themself, or an admin.",
  })
  @ApiParam({ name: 'consumerId', format: 'uuid' })
  @ApiOkResponse({ type: AccountResponse })
  @ApiNotFoundResponse({ description: `No account for this consumer (${PROBLEM_DESCRIPTION}: ACCOUNTING.ACCOUNT.NOT_FOUND)` })
  get(@Param('consumerId', UuidParamPipe) consumerId: string, @Query() query: AccountQuery): Promise<AccountView> {
    const limit = query.limit === undefined ? PaymentPageSize.default : Number(query.limit);
    return this.queries.execute(new GetAccount(consumerId, { limit, cursor: query.cursor }));
  }

  @Put(':consumerId/credit-limit')
  @HttpCode(HttpStatus.OK)
  @Access.admin()
  @ApiOperation({ summary: 'Set the credit limit (admins). The available credit moves by the difference; the same limit again changes nothing.' })
  @ApiParam({ name: 'consumerId', format: 'uuid' })
  @ApiOkResponse({ type: AccountResponse, description: 'The account with its new limit and the first page of its payments.' })
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
