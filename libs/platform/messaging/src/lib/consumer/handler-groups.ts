import type { MessageHandler } from '@nestjs/microservices';
import { Namespace, contextStreamName, durableName, prefixed } from '../jetstream/naming';
import type { Lane } from './lanes';

/** One `@EventPattern(subject, { handler, lane? })` method as Nest registered it. */
export interface RegisteredHandler {
  readonly pattern: string;
  readonly handler: string;
  readonly callback: MessageHandler;
  readonly lane?: Lane;
}

/**
 * All methods sharing one `handler` name: they form one durable pull consumer on the producing
 * context's stream, so they share its order, its inbox rows and its dead-letter subject.
 */
export interface HandlerGroup {
  readonly handler: string;
  /** `<app>--<handler>`. */
  readonly durable: string;
  /** The producing context: the first token of every pattern in the group. */
  readonly context: string;
  readonly stream: string;
  /** Prefixed. One subject (nats-server 2.9): the narrowest one covering every pattern. */
  readonly filterSubject: string;
  readonly handlers: readonly RegisteredHandler[];
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Validates the registrations and groups them by handler name. Throws on anything ambiguous. */
export function groupHandlers(app: string, ns: Namespace, registered: readonly RegisteredHandler[]): HandlerGroup[] {
  if (!NAME.test(app)) throw new Error(`JetStream consumer app name "${app}" must be kebab-case`);
  const byName = new Map<string, RegisteredHandler[]>();
  for (const r of registered) {
    if (!NAME.test(r.handler)) {
      throw new Error(`@EventPattern('${r.pattern}') needs { handler: '<kebab-case name>' }, got ${JSON.stringify(r.handler)}`);
    }
    validatePattern(r.pattern);
    byName.set(r.handler, [...(byName.get(r.handler) ?? []), r]);
  }
  return [...byName].map(([handler, handlers]) => {
    const contexts = new Set(handlers.map((h) => h.pattern.split('.')[0]));
    if (contexts.size > 1) {
      throw new Error(`Handler "${handler}" listens to several contexts (${[...contexts].join(', ')}): one durable reads one stream`);
    }
    const [context] = contexts;
    return {
      handler,
      durable: durableName(app, handler),
      context,
      stream: contextStreamName(ns, context),
      filterSubject: prefixed(ns, coveringSubject(handlers.map((h) => h.pattern))),
      handlers,
    };
  });
}

const matchedBySubject = new WeakMap<HandlerGroup, Map<string, RegisteredHandler[]>>();

/**
 * The handlers of a group whose pattern matches an (unprefixed) subject. Asked several times per
 * message (skip, lanes, handlers), so each group keeps its answer per subject: a stream's
 * subjects are a small vocabulary.
 */
export function handlersFor(group: HandlerGroup, subject: string): RegisteredHandler[] {
  let matched = matchedBySubject.get(group);
  if (!matched) matchedBySubject.set(group, (matched = new Map()));
  let handlers = matched.get(subject);
  if (!handlers) matched.set(subject, (handlers = group.handlers.filter((h) => subjectMatches(h.pattern, subject))));
  return handlers;
}

/**
 * The narrowest single filter subject matching every pattern: the patterns themselves when
 * they are all the same, otherwise their common leading tokens followed by `>`.
 */
export function coveringSubject(patterns: readonly string[]): string {
  const distinct = [...new Set(patterns)];
  if (distinct.length === 1) return distinct[0];
  const split = distinct.map((p) => p.split('.'));
  const common: string[] = [];
  for (let i = 0; split.every((tokens) => i < tokens.length && tokens[i] === split[0][i] && tokens[i] !== '>'); i++) {
    common.push(split[0][i]);
  }
  // `a.b.>` does not match `a.b` itself: shorten until every pattern has tokens left for `>`.
  while (common.length > 0 && split.some((tokens) => tokens.length <= common.length)) common.pop();
  if (common.length === 0) throw new Error(`Patterns ${distinct.join(', ')} share no context token`);
  return [...common, '>'].join('.');
}

/** NATS subject matching: `*` is one token, a trailing `>` one or more. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length || (p[i] !== '*' && p[i] !== s[i])) return false;
  }
  return p.length === s.length;
}

function validatePattern(pattern: string): void {
  const tokens = pattern.split('.');
  const wellFormed =
    tokens.length >= 2 &&
    tokens.every((t, i) => t.length > 0 && !/\s/.test(t) && (t !== '>' || i === tokens.length - 1)) &&
    !tokens[0].includes('*') &&
    tokens[0] !== '>';
  if (!wellFormed) throw new Error(`@EventPattern('${pattern}') is not a subject of the form <context>.<aggregate>.<event>.v<N>`);
}
