import { Upcaster } from './types';

/**
 * The chain of upcasters per event type. Stored events are raised to the current schema
 * version on read; new events are written at the current version.
 */
export class UpcasterChain {
  private readonly byKey = new Map<string, Upcaster>();
  private readonly current = new Map<string, number>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const u of upcasters) {
      const key = `${u.eventType}@${u.fromVersion}`;
      if (this.byKey.has(key)) throw new Error(`Two upcasters for ${key}`);
      this.byKey.set(key, u);
      this.current.set(u.eventType, Math.max(this.current.get(u.eventType) ?? 1, u.fromVersion + 1));
    }
  }

  currentVersion(eventType: string): number {
    return this.current.get(eventType) ?? 1;
  }

  upcast(eventType: string, schemaVersion: number, data: Record<string, unknown>): { schemaVersion: number; data: Record<string, unknown> } {
    let version = schemaVersion;
    let raised = data;
    for (let u = this.byKey.get(`${eventType}@${version}`); u; u = this.byKey.get(`${eventType}@${version}`)) {
      raised = u.upcast(raised);
      version = u.fromVersion + 1;
    }
    return { schemaVersion: version, data: raised };
  }
}
