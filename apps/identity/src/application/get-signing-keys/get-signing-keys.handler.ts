import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { JWK } from 'jose';
import { KeyRing } from '../../infrastructure/signing-keys/key-ring';
import { GetSigningKeys } from './get-signing-keys.query';

/** Served from the key ring (re-read every few seconds), public members only. */
@QueryHandler(GetSigningKeys)
export class GetSigningKeysHandler implements IQueryHandler<GetSigningKeys> {
  constructor(private readonly keys: KeyRing) {}

  async execute(): Promise<{ keys: JWK[] }> {
    return { keys: await this.keys.publishedKeys() };
  }
}
