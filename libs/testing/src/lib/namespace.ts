import { randomSuffix } from './unique-name';

/** A subject prefix of its own (e.g. `t3f9a01c2.`), so a test file's streams and subjects never overlap another's. */
export function testNamespace(): { readonly subjectPrefix: string } {
  return { subjectPrefix: `t${randomSuffix()}.` };
}
