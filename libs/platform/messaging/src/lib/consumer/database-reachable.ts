import { DataSource } from 'typeorm';

const REACHABILITY_TIMEOUT_MS = 2_000;

/** Whether the database answers at all: tells an outage from a message that fails on its own. */
export async function databaseReachable(dataSource: DataSource): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), REACHABILITY_TIMEOUT_MS)));
  try {
    return await Promise.race([dataSource.query('SELECT 1').then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
