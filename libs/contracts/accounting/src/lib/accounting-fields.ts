import { z } from 'zod';

/** The context name: JetStream stream `ACCOUNTING` captures `accounting.>`. */
export const accountingContext = 'accounting';

// Ids used by every example fixture: the consumer and order of the orders/consumers examples,
// so fixtures of different contexts tell one consistent story.
export const exampleConsumerId = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01';
export const exampleOrderId = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01';

/** The order's revision a payment event answers (the orders context counts them from 1). */
export const revisionNumber = z.number().int().min(1);
