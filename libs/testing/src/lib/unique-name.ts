import { randomBytes } from 'node:crypto';

/** 8 random hex characters: enough that parallel test files never collide. */
export function randomSuffix(): string {
  return randomBytes(4).toString('hex');
}
