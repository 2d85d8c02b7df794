import { inboxMigrations } from '@brigade/messaging';
import { CreateOrderHistoryViewsV11700000007000 } from './migrations/1700000007000-create-order-history-views-v1';
import { CountOrderChangesV11700000007100 } from './migrations/1700000007100-count-order-changes-v1';
import { CreateProjectionRegistry1700000007200 } from './migrations/1700000007200-create-projection-registry';
import { MoneyAsBigint1700000007300 } from './migrations/1700000007300-money-as-bigint';
import { CreateCourierDirectoryV11700000007400 } from './migrations/1700000007400-create-courier-directory-v1';
import { OrderViewLifecycle1700000007500 } from './migrations/1700000007500-order-view-lifecycle';

/**
 * Every migration of the order-history database: the consumers' inbox and the views. No event
 * store and no relay: this context records no events of its own and publishes nothing.
 */
export const orderHistoryMigrations = [
  ...inboxMigrations,
  CreateOrderHistoryViewsV11700000007000,
  CountOrderChangesV11700000007100,
  CreateProjectionRegistry1700000007200,
  MoneyAsBigint1700000007300,
  CreateCourierDirectoryV11700000007400,
  OrderViewLifecycle1700000007500,
];
