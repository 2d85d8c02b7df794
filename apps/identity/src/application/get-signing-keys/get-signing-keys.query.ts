import { Query } from '@nestjs/cqrs';
import type { JWK } from 'jose';

/** The public keys a verifier needs now (the JWKS): every key that may have signed a live token or is about to sign. */
export class GetSigningKeys extends Query<{ keys: JWK[] }> {}
