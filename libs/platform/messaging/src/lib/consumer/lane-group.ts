import { DataSource } from 'typeorm';
import type { ConsumerLogger } from './durable-worker';
import { Laned, roundsByLane } from './lanes';
import { BatchItem, attemptBatch } from './message-pipeline';

/** A laned message as its durable hands it to the app's LaneScheduler. */
export interface LanedMessage extends Laned {
  readonly item: BatchItem;
  /** Its durable's cycle is ending: it is not put in a shared transaction. */
  halted(): boolean;
  /** Its transaction committed: the durable acks it and reports it processed. */
  committed(): void;
  /** Its durable takes it to a final answer on its own (retries, parking), in its own transaction. */
  settleAlone(): Promise<void>;
}

/** A lane group holds up to this many batches' worth of messages (LaneScheduler's maxGroup). */
export const LANE_GROUP_BATCHES = 4;

/**
 * Runs one group of messages, a LaneScheduler's (whichever durables they came from) or a batch of
 * a durable without lanes: in one transaction (attemptBatch: each its own inbox row), acked once
 * it committed. If the group fails as a whole, each message is settled by its own durable, in
 * rounds that never run two messages of one lane key at once (a scheduler's group still holds its
 * keys meanwhile). A lone message is settled on its own at once.
 */
export async function settleLaneGroup(dataSource: DataSource, logger: ConsumerLogger, group: readonly LanedMessage[]): Promise<void> {
  if (group.length > 1 && !group.some((message) => message.halted())) {
    const batch = await attemptBatch(
      dataSource,
      group.map((message) => message.item),
    );
    if (batch.committed) {
      for (const message of group) message.committed();
      return;
    }
    const consumers = [...new Set(group.map((message) => message.item.group.durable))];
    logger.debug?.({ msg: 'JetStream batch not processed as one; one by one instead', consumers, messages: group.length, reason: batch.reason });
  }
  for (const round of roundsByLane(group)) await Promise.all(round.map((message) => message.settleAlone()));
}
