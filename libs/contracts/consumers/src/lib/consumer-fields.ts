import { z } from 'zod';

/** The context name: JetStream stream `CONSUMERS` captures `consumers.>`. */
export const consumersContext = 'consumers';

export const personNameV1Schema = z.strictObject({
  firstName: z.string().min(1),
  lastName: z.string().min(1),
});
export type PersonNameV1 = z.infer<typeof personNameV1Schema>;

export const emailV1Schema = z.email();
