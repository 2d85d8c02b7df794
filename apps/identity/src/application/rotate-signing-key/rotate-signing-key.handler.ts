import { SERVICE_CONFIG } from '@brigade/service';
import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { IdentityConfig } from '../../config/identity.config';
import { KeyRing } from '../../infrastructure/signing-keys/key-ring';
import { SigningKeyStore } from '../../infrastructure/signing-keys/signing-key-store';
import { RotatedKey, RotateSigningKey } from './rotate-signing-key.command';

/**
 * A new key, published in the JWKS at once and signing after IDENTITY_KEY_ACTIVATION_DELAY_S,
 * by when every verifier can have fetched it. The old key signs until then and stays published
 * until its last token expired; every replica follows the same schedule from the key table.
 */
@CommandHandler(RotateSigningKey)
export class RotateSigningKeyHandler implements ICommandHandler<RotateSigningKey> {
  private readonly logger = new Logger(RotateSigningKeyHandler.name);

  constructor(
    private readonly store: SigningKeyStore,
    private readonly keys: KeyRing,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async execute(): Promise<RotatedKey> {
    const key = await this.store.addKey(this.config.IDENTITY_KEY_ACTIVATION_DELAY_S);
    await this.keys.keyAdded(key);
    this.logger.log({ msg: 'Signing key rotation started', kid: key.kid, activatesAt: key.activatesAt.toISOString() });
    return { kid: key.kid, publishedAt: key.createdAt, activatesAt: key.activatesAt };
  }
}
