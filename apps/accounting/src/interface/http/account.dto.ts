import { IsCents } from '@brigade/service';
import { ApiProperty } from '@nestjs/swagger';
import { Max } from 'class-validator';
import { AccountLimits } from '../../domain/account.rules';

// Request bodies: bad input is refused here, field by field, before it reaches the domain
// (which checks its rules again). The validation pipe also refuses fields not declared here.
export class ChangeCreditLimitRequest {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: AccountLimits.maxCreditLimitCents,
    example: 75000,
    description: 'Whole cents; never below what the account has currently authorised.',
  })
  @IsCents()
  @Max(AccountLimits.maxCreditLimitCents)
  creditLimitCents: number;
}

export class AuthorizationResponse {
  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty({ type: 'integer', description: 'The order total, in cents.' })
  amountCents: number;

  @ApiProperty({ enum: ['AUTHORIZED', 'DECLINED', 'VOIDED'], description: 'VOIDED: the order was rejected and the amount released.' })
  status: string;
}

export class AccountResponse {
  @ApiProperty({ format: 'uuid' })
  consumerId: string;

  @ApiProperty({ type: 'integer' })
  creditLimitCents: number;

  @ApiProperty({ type: 'integer', description: 'creditLimitCents minus every amount currently authorised.' })
  availableCents: number;

  @ApiProperty({ type: [AuthorizationResponse], description: 'Every order this account answered, oldest first.' })
  authorizations: AuthorizationResponse[];
}
