import { DiscardPolicy, JetStreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { Namespace, contextStreamName, contextStreamSubjects } from './naming';

/** How long JetStream remembers a Nats-Msg-Id to drop a re-published duplicate. */
const DUPLICATE_WINDOW_MS = 10 * 60 * 1_000;

export interface ContextStreamOptions {
  /** Default 10 minutes. Tests shrink it to show that exactly-once never relies on it. */
  readonly duplicateWindowMs?: number;
}

/**
 * Creates (or updates) the context's stream: file storage, limits retention with no limits,
 * so the stream is a replayable log of every integration event the context ever published.
 */
export async function ensureContextStream(
  jsm: JetStreamManager,
  ns: Namespace,
  context: string,
  options: ContextStreamOptions = {},
): Promise<string> {
  const name = contextStreamName(ns, context);
  const config = {
    name,
    subjects: contextStreamSubjects(ns, context),
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: (options.duplicateWindowMs ?? DUPLICATE_WINDOW_MS) * 1_000_000,
  };
  try {
    await jsm.streams.info(name);
    await jsm.streams.update(name, config);
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
    await jsm.streams.add(config);
  }
  return name;
}

function isStreamNotFound(error: unknown): boolean {
  const e = error as { code?: string | number; api_error?: { err_code?: number }; message?: string };
  return e?.api_error?.err_code === 10059 || /stream not found/i.test(e?.message ?? '');
}
