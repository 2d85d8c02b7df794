import { Command } from '@nestjs/cqrs';

/** The key a rotation created: published now, signing from `activatesAt`. */
export interface RotatedKey {
  readonly kid: string;
  readonly publishedAt: Date;
  readonly activatesAt: Date;
}

/** Starts a rotation of the signing key (no downtime: see key-schedule.ts). */
export class RotateSigningKey extends Command<RotatedKey> {}
