import type { GlobalPosition } from '@brigade/event-store';
import { sleep } from './backoff';
import { RelayCheckpoints } from './relay-checkpoints';

/**
 * Saves the relay's checkpoint off the publishing path: at most one save in flight and at most
 * one per `intervalMs`, the latest position winning. Saving inline would add a write
 * transaction (and its fsync) to every batch's latency, and while in flight that transaction
 * holds back the store's read horizon. A lagging checkpoint costs only a re-read on restart:
 * the start point is the later of the checkpoint and the stream's last message.
 */
export class CheckpointWriter {
  private pending: GlobalPosition | null = null;
  private draining: Promise<void> | null = null;
  private lastSavedAt = 0;

  constructor(
    private readonly checkpoints: RelayCheckpoints,
    private readonly relayName: string,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Call only once the position's batch is on the stream. */
  schedule(position: GlobalPosition): void {
    this.pending = position;
    this.draining ??= this.drain();
  }

  /** Waits for the save in flight, then saves what is still pending (on stop). */
  async flush(): Promise<void> {
    await this.draining;
    const position = this.pending;
    if (!position) return;
    this.pending = null;
    await this.checkpoints.save(this.relayName, position);
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending) {
        const wait = this.lastSavedAt + this.intervalMs - Date.now();
        if (wait > 0) await sleep(wait);
        const position = this.pending;
        this.pending = null;
        try {
          await this.checkpoints.save(this.relayName, position);
          this.lastSavedAt = Date.now();
        } catch (error) {
          this.pending ??= position; // kept for the next batch or flush()
          this.onError(error);
          return;
        }
      }
    } finally {
      this.draining = null;
    }
  }
}
