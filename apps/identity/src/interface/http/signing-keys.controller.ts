import { Access } from '@brigade/auth';
import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RotateSigningKey } from '../../application/rotate-signing-key/rotate-signing-key.command';

export class RotatedKeyResponse {
  @ApiProperty({ description: 'The new key’s id (its RFC 7638 thumbprint), in the JWKS from now on.' })
  kid: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;

  @ApiProperty({ format: 'date-time', description: 'When it starts signing (IDENTITY_KEY_ACTIVATION_DELAY_S from now).' })
  activatesAt: string;
}

/** Operator actions on the signing keys (admin). */
@ApiTags('admin')
@Access.admin()
@Controller('admin/signing-keys')
export class SigningKeysController {
  constructor(private readonly commands: CommandBus) {}

  @Post('rotate')
  @ApiOperation({
    summary: 'Rotate the signing key without downtime: the new key is published at once and signs after the activation delay; the old one stays published until its tokens expired.',
  })
  @ApiCreatedResponse({ type: RotatedKeyResponse })
  async rotate(): Promise<RotatedKeyResponse> {
    const key = await this.commands.execute(new RotateSigningKey());
    return { kid: key.kid, publishedAt: key.publishedAt.toISOString(), activatesAt: key.activatesAt.toISOString() };
  }
}
