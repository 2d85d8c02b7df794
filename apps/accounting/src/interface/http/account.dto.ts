import { IsCents } from '@brigade/service';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Max, ValidateBy } from 'class-validator';
import { decodePaymentCursor } from '../../application/get-account/payment-cursor';
import { PaymentPageSize } from '../../application/get-account/payment-page';
import { AccountLimits } from '../../domain/account.rules';

// Request bodies and queries: bad input is refused here, field by field, before it reaches the
// domain (which checks its rules again). The validation pipe also refuses fields not declared
// here. Query values arrive as strings, so `limit` is checked as digits and converted by the controller.

/** A page size as plain digits, from 1 to the largest page. */
const isPageSize = (value: unknown): boolean => typeof value === 'string' && /^[1-9][0-9]{0,2}$/.test(value) && Number(value) <= PaymentPageSize.max;

export class AccountQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page (opaque); the newest payments when absent.' })
  @IsOptional()
  @ValidateBy({
    name: 'paymentCursor',
    validator: {
      validate: (value) => typeof value === 'string' && decodePaymentCursor(value) !== null,
      defaultMessage: () => 'cursor must be a nextCursor this service returned',
    },
  })
  cursor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: PaymentPageSize.max,
    default: PaymentPageSize.default,
    description: 'Payments per page.',
  })
  @IsOptional()
  @ValidateBy({ name: 'pageSize', validator: { validate: isPageSize, defaultMessage: () => `limit must be a whole number from 1 to ${PaymentPageSize.max}` } })
  limit?: string;
}
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

  @ApiProperty({
    type: [AuthorizationResponse],
    description: `One page of the account's payments, newest first, declines included: at most \`limit\` (default ${PaymentPageSize.default}).`,
  })
  authorizations: AuthorizationResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next (older) page; null on the last one.' })
  nextCursor: string | null;
}
