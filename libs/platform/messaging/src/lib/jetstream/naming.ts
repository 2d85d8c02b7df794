/**
 * Names on the wire. Subjects are `<context>.<aggregate>.<event>.v<N>`; a deployment (or a
 * test file) may put a prefix in front of every subject and stream name so that several
 * can share one NATS server without their streams' subjects overlapping.
 */
export interface Namespace {
  /** '' in production; e.g. 't3f9a.' in a test file. Must end with '.' when not empty. */
  readonly subjectPrefix: string;
}

export const defaultNamespace: Namespace = { subjectPrefix: '' };

export function prefixed(ns: Namespace, subject: string): string {
  return `${ns.subjectPrefix}${subject}`;
}

export function unprefixed(ns: Namespace, subject: string): string {
  return subject.startsWith(ns.subjectPrefix) ? subject.slice(ns.subjectPrefix.length) : subject;
}

/** One JetStream stream per context, capturing `<context>.>`. */
export function contextStreamName(ns: Namespace, context: string): string {
  return `${ns.subjectPrefix.replace(/\W/g, '_').toUpperCase()}${context.replace(/\W/g, '_').toUpperCase()}`;
}

export function contextStreamSubjects(ns: Namespace, context: string): string[] {
  return [prefixed(ns, `${context}.>`)];
}

/** Durable consumer name: `<consumer-app>--<handler>`. */
export function durableName(app: string, handler: string): string {
  return `${app}--${handler}`;
}

/** Headers every published domain event carries (besides Nats-Msg-Id = event id). */
export const Headers = {
  MsgId: 'Nats-Msg-Id',
  EventId: 'Brigade-Event-Id',
  EventType: 'Brigade-Event-Type',
  AggregateId: 'Brigade-Aggregate-Id',
  StreamVersion: 'Brigade-Stream-Version',
  Position: 'Brigade-Position',
  CorrelationId: 'Brigade-Correlation-Id',
  CausationId: 'Brigade-Causation-Id',
  Actor: 'Brigade-Actor',
  OccurredAt: 'Brigade-Occurred-At',
  /** On parked (dead-lettered) messages. */
  OriginalSubject: 'Brigade-Original-Subject',
  ParkedBy: 'Brigade-Parked-By',
  ParkedError: 'Brigade-Parked-Error',
  ParkedAttempts: 'Brigade-Parked-Attempts',
} as const;
