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
    description: 'Whole cents; never below what the open authorisations currently hold.',
  })
  @IsCents()
  @Max(AccountLimits.maxCreditLimitCents)
  creditLimitCents: number;
}

export class AuthorizationResponse {
  @ApiProperty({ format: 'uuid' })
  orderId: string;

  @ApiProperty({ type: 'integer', description: 'What is held for the order (its total, as revised), in cents; for DECLINED, the total declined.' })
  amountCents: number;

  @ApiProperty({
    enum: ['AUTHORIZED', 'DECLINED', 'VOIDED', 'CAPTURED'],
    description: 'AUTHORIZED: held. VOIDED: the order was rejected or cancelled, CAPTURED: it was delivered; both give the amount back to the available credit.',
  })
  status: string;
}

export class AccountResponse {
  @ApiProperty({ format: 'uuid' })
  consumerId: string;

  @ApiProperty({ type: 'integer' })
  creditLimitCents: number;

  @ApiProperty({ type: 'integer', description: 'creditLimitCents minus the open authorisations (AUTHORIZED, not yet voided or captured).' })
  availableCents: number;

  @ApiProperty({ type: [AuthorizationResponse], description: "The account's latest 50 payments, newest first, declines included." })
  authorizations: AuthorizationResponse[];
}
