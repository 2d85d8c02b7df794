/**
 * A message whose Brigade-Stream-Version header and payload disagree on the event's version (or
 * whose header has none): a header set by someone other than the producer's relay, e.g. one raised
 * to freeze a replica. `retryable: false`: the consumer parks it at once with this reason, and the
 * replica applies nothing of it.
 */
export class StreamVersionMismatchError extends Error {
  readonly code = 'MESSAGING.STREAM_VERSION.MISMATCH';
  readonly retryable = false;
  constructor(
    readonly eventId: string,
    readonly subject: string,
    readonly headerVersion: number | null,
    readonly payloadVersion: number,
  ) {
    super(
      headerVersion === null
        ? `Event ${eventId} on ${subject} carries no stream version header; its payload says ${payloadVersion}`
        : `Event ${eventId} on ${subject}: stream version header ${headerVersion} does not match its payload's ${payloadVersion}`,
    );
    this.name = 'StreamVersionMismatchError';
  }
}

/** What a versioned replica knows of a delivered event: a ConsumedEvent and a handler's JetStreamContext both have it. */
export interface VersionedEnvelope {
  readonly eventId: string;
  readonly subject: string;
  /** Brigade-Stream-Version; null when the message has none. */
  readonly streamVersion: number | null;
}

/**
 * The event's version in its producer's stream, for a replica that guards its rows with it (an
 * older event never overwrites a newer state): the header, which must agree with the version the
 * producer also wrote in the payload. Anything else throws a StreamVersionMismatchError (parked).
 */
export function agreedStreamVersion(event: VersionedEnvelope, payloadVersion: number): number {
  if (event.streamVersion !== payloadVersion) throw new StreamVersionMismatchError(event.eventId, event.subject, event.streamVersion, payloadVersion);
  return payloadVersion;
}
