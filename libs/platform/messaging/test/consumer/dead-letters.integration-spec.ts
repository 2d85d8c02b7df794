import { randomUUID } from 'node:crypto';
import { eventually } from '@brigade/testing';
import { headers } from '@nats-io/transport-node';
import { Headers, deadLetterStreamName, deadLetterSubject, prefixed } from '../../src';
import { headerRecord } from '../../src/lib/consumer/consumed-event';
import { APP, ConsumerHarness, RecorderApp, TestEvent, startRecorder } from './support/consumer-harness';
import { MENU_REVISED, RESTAURANT_OPENED } from './support/recording.consumer';

// A failing message is retried, then parked where it can be listed, replayed and discarded;
// it never blocks other aggregates and never blocks its own aggregate forever.
describe('JetStream consumer: retries, parking and dead letters', () => {
  let harness: ConsumerHarness;

  beforeAll(async () => {
    harness = await ConsumerHarness.open('consumer_dead_letters');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('parks a message that keeps failing while other aggregates flow, then replays it once after the fix', async () => {
    const ns = await harness.namespace();
    const a = randomUUID();
    const b = randomUUID();
    const poison = randomUUID();
    let broken = true;
    let poisonCalls = 0;
    const recorder = await startRecorder(
      harness,
      ns,
      {
        failure: (ctx) => (ctx.eventId === poison && broken ? (poisonCalls++, new Error('neighbour database unreachable')) : null),
        delayMs: (ctx) => (ctx.aggregateId === b ? 25 : 0),
      },
      { retry: { attempts: 4, initialDelayMs: 120, maxDelayMs: 1_000 } },
    );
    try {
      const events: TestEvent[] = [
        { subject: RESTAURANT_OPENED, eventId: randomUUID(), aggregateId: a, n: 1 },
        { subject: RESTAURANT_OPENED, eventId: randomUUID(), aggregateId: b, n: 1 },
        { subject: MENU_REVISED, eventId: poison, aggregateId: a, n: 2 },
        ...[2, 3, 4, 5, 6].map((n) => ({ subject: MENU_REVISED, eventId: randomUUID(), aggregateId: b, n })),
        { subject: MENU_REVISED, eventId: randomUUID(), aggregateId: a, n: 3 },
      ];
      for (const event of events) await harness.publish(ns, event);

      await eventually(() => expect(recorder.outcomes).toHaveLength(events.length));
      const parkedAt = recorder.outcomes.findIndex((o) => o.eventId === poison);
      expect(recorder.outcomes[parkedAt]).toMatchObject({ outcome: 'parked', attempts: 4, error: 'Error: neighbour database unreachable' });
      expect(poisonCalls).toBe(4);
      // Aggregate b did not wait for a's retries...
      const bDone = recorder.outcomes.flatMap((o, i) => (o.aggregateId === b ? [i] : []));
      expect(bDone).toHaveLength(6);
      expect(Math.max(...bDone)).toBeLessThan(parkedAt);
      // ...while a's next event waited for the park, and then went through.
      expect(recorder.outcomes.findIndex((o) => o.aggregateId === a && o.outcome === 'processed' && o.eventId !== events[0].eventId)).toBeGreaterThan(parkedAt);
      expect((await harness.effects('aggregate_id = $1', [a])).map((e) => e.n)).toEqual([1, 3]);
      expect((await harness.effects('aggregate_id = $1', [b])).map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6]);
      // The outcome is reported as the ack is sent; JetStream counts it a moment later.
      await eventually(async () => expect((await harness.consumerInfo(ns)).ackPending).toBe(0));

      // The copy on the dead-letter subject keeps the original headers and says why it is there.
      const copy = await harness.jsm.streams.getMessage(deadLetterStreamName(ns, APP), { last_by_subj: deadLetterSubject(ns, APP, 'record') });
      expect(copy?.header.get(Headers.EventId)).toBe(poison);
      expect(copy?.header.get(Headers.AggregateId)).toBe(a);
      expect(copy?.header.get(Headers.OriginalSubject)).toBe(MENU_REVISED);
      expect(copy?.header.get(Headers.ParkedBy)).toBe(`${APP}--record`);
      expect(copy?.header.get(Headers.ParkedAttempts)).toBe('4');
      expect(copy?.json()).toEqual({ n: 2 });

      const listed = await http(recorder, 'GET', '/admin/dead-letters');
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({
        items: [
          expect.objectContaining({
            seq: copy?.seq,
            consumer: `${APP}--record`,
            subject: MENU_REVISED,
            eventId: poison,
            aggregateId: a,
            attempts: 4,
            error: 'Error: neighbour database unreachable',
            data: { n: 2 },
            parkedHere: true,
          }),
        ],
        nextAfter: null,
      });

      broken = false; // the fix is deployed
      const replayed = await http(recorder, 'POST', `/admin/dead-letters/${copy?.seq}/replay`);
      expect(replayed).toMatchObject({ status: 200, body: { seq: copy?.seq, outcome: 'processed' } });
      expect(await harness.effects('event_id = $1', [poison])).toEqual([expect.objectContaining({ n: 2, replay: true })]);
      expect(await harness.inboxOutcome(poison)).toBe('processed');
      expect((await http(recorder, 'GET', '/admin/dead-letters')).body).toEqual({ items: [], nextAfter: null });

      const again = await http(recorder, 'POST', `/admin/dead-letters/${copy?.seq}/replay`);
      expect(again).toMatchObject({ status: 404, contentType: 'application/problem+json', body: { status: 404, code: 'MESSAGING.DEAD_LETTER.NOT_FOUND' } });
      expect(await harness.effects('event_id = $1', [poison])).toHaveLength(1);
    } finally {
      await recorder.close();
    }
  });

  it('answers a redelivered copy of a parked event duplicate, without retrying or parking it again', async () => {
    const ns = await harness.namespace();
    const poison = randomUUID();
    let poisonCalls = 0;
    const recorder = await startRecorder(
      harness,
      ns,
      { failure: (ctx) => (ctx.eventId === poison ? (poisonCalls++, new Error('still broken')) : null) },
      { retry: { attempts: 3, initialDelayMs: 50, maxDelayMs: 200 } },
    );
    try {
      const event: TestEvent = { subject: MENU_REVISED, eventId: poison, aggregateId: randomUUID(), n: 1 };
      await harness.publish(ns, event);
      await eventually(() => expect(recorder.outcomes.map((o) => o.outcome)).toEqual(['parked']));

      await harness.publish(ns, { ...event, msgId: 'redelivered-copy' });

      await eventually(() => expect(recorder.outcomes.map((o) => o.outcome)).toEqual(['parked', 'duplicate']));
      expect(poisonCalls).toBe(4); // three attempts, then one that found the event already answered
      expect(await harness.inboxOutcome(poison)).toBe('parked');
      expect((await harness.jsm.streams.info(deadLetterStreamName(ns, APP))).state.messages).toBe(1);
    } finally {
      await recorder.close();
    }
  });

  it('parks a message at once when its error says retrying cannot help', async () => {
    const ns = await harness.namespace();
    const malformed = randomUUID();
    let calls = 0;
    const unretryable = () => Object.assign(new Error('payload breaks its contract'), { code: 'TEST.PAYLOAD.INVALID', retryable: false });
    const recorder = await startRecorder(
      harness,
      ns,
      { failure: (ctx) => (ctx.eventId === malformed ? (calls++, unretryable()) : null) },
      { retry: { attempts: 5, initialDelayMs: 2_000, maxDelayMs: 5_000 } },
    );
    try {
      await harness.publish(ns, { subject: MENU_REVISED, eventId: malformed, aggregateId: randomUUID(), n: 1 });

      await eventually(() => expect(recorder.outcomes).toEqual([expect.objectContaining({ eventId: malformed, outcome: 'parked', attempts: 1 })]));
      expect(calls).toBe(1); // five attempts were allowed: none was spent on a retry
    } finally {
      await recorder.close();
    }
  });

  it('replays only what the app parked itself: a message published on its dead-letter subject by anyone else is listed, never run', async () => {
    const ns = await harness.namespace();
    const genuine = randomUUID();
    let broken = true;
    const ran: string[] = [];
    const recorder = await startRecorder(harness, ns, {
      failure: (ctx) => {
        ran.push(ctx.eventId);
        return ctx.eventId === genuine && broken ? new Error('still broken') : null;
      },
    });
    try {
      await harness.publish(ns, { subject: MENU_REVISED, eventId: genuine, aggregateId: randomUUID(), n: 1 });
      await eventually(() => expect(recorder.outcomes.map((o) => o.outcome)).toEqual(['parked']));
      const stream = deadLetterStreamName(ns, APP);
      const real = await harness.jsm.streams.getMessage(stream, { last_by_subj: deadLetterSubject(ns, APP, 'record') });

      // Someone who may publish on the dead-letter subject: a made-up entry for an event never parked...
      const madeUp = randomUUID();
      const h = headers();
      h.set(Headers.EventId, madeUp);
      h.set(Headers.AggregateId, randomUUID());
      h.set(Headers.OriginalSubject, MENU_REVISED);
      h.set(Headers.ParkedBy, `${APP}--record`);
      h.set(Headers.ParkedError, 'Error: made up');
      h.set(Headers.ParkedAttempts, '1');
      const forged = await harness.js.publish(deadLetterSubject(ns, APP, 'record'), JSON.stringify({ n: 99 }), { headers: h });
      // ...and a copy of the real entry with every header kept but another body.
      const copy = headers();
      for (const [name, value] of Object.entries(headerRecord(real?.header))) if (!name.startsWith('Nats-')) copy.set(name, value);
      const tampered = await harness.js.publish(deadLetterSubject(ns, APP, 'record'), JSON.stringify({ n: 1, extra: 'injected' }), { headers: copy });

      const listed = (await http(recorder, 'GET', '/admin/dead-letters')).body.items as Array<{ seq: number; parkedHere: boolean }>;
      expect(listed.map(({ seq, parkedHere }) => ({ seq, parkedHere }))).toEqual([
        { seq: real?.seq, parkedHere: true },
        { seq: forged.seq, parkedHere: false },
        { seq: tampered.seq, parkedHere: false },
      ]);

      broken = false;
      const runsBefore = ran.length;
      for (const seq of [forged.seq, tampered.seq]) {
        const refused = await http(recorder, 'POST', `/admin/dead-letters/${seq}/replay`);
        expect(refused).toMatchObject({ status: 422, contentType: 'application/problem+json', body: { code: 'MESSAGING.DEAD_LETTER.NOT_PARKED_HERE' } });
      }
      expect(ran).toHaveLength(runsBefore); // neither reached the handler
      expect(ran).not.toContain(madeUp);
      expect(await harness.effects('event_id = ANY($1)', [[madeUp, genuine]])).toEqual([]);
      expect(await harness.inboxOutcome(madeUp)).toBeNull();

      // Discarding a made-up entry removes it, but marks nothing: its event id would otherwise be silenced for good.
      expect((await http(recorder, 'DELETE', `/admin/dead-letters/${forged.seq}`)).status).toBe(204);
      expect(await harness.inboxOutcome(madeUp)).toBeNull();

      const replayed = await http(recorder, 'POST', `/admin/dead-letters/${real?.seq}/replay`);
      expect(replayed).toMatchObject({ status: 200, body: { seq: real?.seq, outcome: 'processed' } });
      expect(await harness.effects('event_id = $1', [genuine])).toEqual([expect.objectContaining({ n: 1, replay: true })]);
      expect((await http(recorder, 'GET', '/admin/dead-letters')).body.items.map((i: { seq: number }) => i.seq)).toEqual([tampered.seq]);
    } finally {
      await recorder.close();
    }
  });

  it('answers a replay that fails again with the error’s stable code at most: no driver or SQL text', async () => {
    const ns = await harness.namespace();
    const eventId = randomUUID();
    const driverError = () => Object.assign(new Error('relation "secret_internal_table" does not exist at postgres://app:hunter2@db:5432/brigade'), { code: '42P01' });
    const codedError = () => Object.assign(new Error('SELECT * FROM tickets failed'), { code: 'KITCHEN.TICKET.LOST' });
    let failure = driverError;
    const recorder = await startRecorder(harness, ns, { failure: (ctx) => (ctx.eventId === eventId ? failure() : null) }, { retry: { attempts: 1, initialDelayMs: 10, maxDelayMs: 10 } });
    try {
      await harness.publish(ns, { subject: RESTAURANT_OPENED, eventId, aggregateId: randomUUID(), n: 1 });
      await eventually(() => expect(recorder.outcomes.map((o) => o.outcome)).toEqual(['parked']));
      const [{ seq }] = (await http(recorder, 'GET', '/admin/dead-letters')).body.items;

      const uncoded = await http(recorder, 'POST', `/admin/dead-letters/${seq}/replay`);
      expect(uncoded).toMatchObject({ status: 422, body: { code: 'MESSAGING.DEAD_LETTER.REPLAY_FAILED', correlationId: expect.any(String) } });
      expect(uncoded.body.errorCode).toBeUndefined(); // a SQLSTATE is the driver's, not a Brigade code
      expect(JSON.stringify(uncoded.body)).not.toMatch(/secret_internal_table|postgres:|hunter2|42P01/);

      failure = codedError;
      const coded = await http(recorder, 'POST', `/admin/dead-letters/${seq}/replay`, { 'X-Correlation-Id': 'replay-by-ops-1' });
      expect(coded).toMatchObject({ status: 422, correlationId: 'replay-by-ops-1', body: { errorCode: 'KITCHEN.TICKET.LOST', correlationId: 'replay-by-ops-1' } });
      expect(JSON.stringify(coded.body)).not.toContain('SELECT');
    } finally {
      await recorder.close();
    }
  });

  it('keeps a message that still fails on replay, pages the list, and discards for good', async () => {
    const ns = await harness.namespace();
    const failing: string[] = [randomUUID(), randomUUID()];
    const recorder = await startRecorder(harness, ns, {
      failure: (ctx) => (failing.includes(ctx.eventId) ? new Error('still broken') : null),
    });
    try {
      for (const eventId of failing) await harness.publish(ns, { subject: RESTAURANT_OPENED, eventId, aggregateId: randomUUID(), n: 1 });
      // Not JSON: can never succeed, so it is parked at once rather than retried.
      const unreadable = randomUUID();
      const h = headers();
      h.set(Headers.EventId, unreadable);
      h.set(Headers.AggregateId, randomUUID());
      await harness.js.publish(prefixed(ns, RESTAURANT_OPENED), 'not json', { msgID: unreadable, headers: h });

      await eventually(() => expect(recorder.outcomes.map((o) => o.outcome)).toEqual(['parked', 'parked', 'parked']));
      expect(recorder.outcomes.find((o) => o.eventId === null)).toMatchObject({ attempts: 1, error: 'body is not JSON' });

      const first = await http(recorder, 'GET', '/admin/dead-letters?limit=2');
      expect(first.body.items).toHaveLength(2);
      const second = await http(recorder, 'GET', `/admin/dead-letters?limit=2&after=${first.body.nextAfter}`);
      expect(second.body).toEqual({ items: [expect.any(Object)], nextAfter: null });
      const all = [...first.body.items, ...second.body.items] as Array<{ seq: number; eventId: string; data: unknown }>;
      expect(all.map((i) => i.seq)).toEqual([...all.map((i) => i.seq)].sort((x, y) => x - y));
      expect(all.map((i) => i.eventId).sort()).toEqual([...failing, unreadable].sort());
      expect(all.find((i) => i.eventId === unreadable)?.data).toBe('not json');
      expect((await http(recorder, 'GET', '/admin/dead-letters?limit=0')).status).toBe(400);

      const stillFailing = all.find((i) => i.eventId === failing[0]) as { seq: number; eventId: string };
      const replay = await http(recorder, 'POST', `/admin/dead-letters/${stillFailing.seq}/replay`);
      expect(replay).toMatchObject({ status: 422, contentType: 'application/problem+json', body: { code: 'MESSAGING.DEAD_LETTER.REPLAY_FAILED' } });
      // The handler's error is logged, not answered: the answer names the correlation id to find it under.
      expect(replay.body.detail).not.toContain('still broken');
      expect(replay.body.detail).toContain(replay.body.correlationId);
      expect(replay.correlationId).toBe(replay.body.correlationId);
      expect(await harness.inboxOutcome(stillFailing.eventId)).toBe('parked');
      expect((await http(recorder, 'GET', '/admin/dead-letters')).body.items).toHaveLength(3);

      expect((await http(recorder, 'DELETE', `/admin/dead-letters/${stillFailing.seq}`)).status).toBe(204);
      expect(await harness.inboxOutcome(stillFailing.eventId)).toBe('discarded');
      expect((await http(recorder, 'GET', '/admin/dead-letters')).body.items.map((i: { seq: number }) => i.seq)).not.toContain(stillFailing.seq);
      expect(await http(recorder, 'DELETE', `/admin/dead-letters/${stillFailing.seq}`)).toMatchObject({ status: 404, contentType: 'application/problem+json' });
      expect(await harness.effects('event_id = ANY($1)', [failing])).toEqual([]);
    } finally {
      await recorder.close();
    }
  });
});

async function http(
  recorder: RecorderApp,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; contentType: string; correlationId: string | null; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON as answered
  const response = await fetch(`${recorder.url}${path}`, { method, headers });
  const text = await response.text();
  return {
    status: response.status,
    contentType: (response.headers.get('content-type') ?? '').split(';')[0],
    correlationId: response.headers.get('x-correlation-id'),
    body: text ? JSON.parse(text) : null,
  };
}
