import { inboxMarkStatement } from '../../src/lib/consumer/inbox';

describe('inboxMarkStatement: the inbox marks sent with the COMMIT', () => {
  const eventId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
  const otherId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

  it('inlines a kebab-case consumer and a uuid event id', () => {
    expect(inboxMarkStatement([{ consumer: 'orders--kitchen-verdicts', eventId }])).toBe(
      `INSERT INTO msg_inbox (consumer, event_id, outcome) VALUES ('orders--kitchen-verdicts', '${eventId}', 'processed')`,
    );
  });

  it('marks a batch of events with one row each, in one statement, whichever durable answered each', () => {
    const marks = [
      { consumer: 'orders--kitchen-verdicts', eventId },
      { consumer: 'orders--payment-verdicts', eventId: otherId },
    ];
    expect(inboxMarkStatement(marks)).toBe(
      `INSERT INTO msg_inbox (consumer, event_id, outcome) VALUES ('orders--kitchen-verdicts', '${eventId}', 'processed'), ('orders--payment-verdicts', '${otherId}', 'processed')`,
    );
  });

  it.each([
    ["orders--x'); DROP TABLE msg_inbox; --", [eventId]],
    ['Orders--Verdicts', [eventId]],
    ['orders--verdicts', ["6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b'"]],
    ['orders--verdicts', ['not-a-uuid']],
    ['orders--verdicts', [eventId, 'not-a-uuid']],
    ['orders--verdicts', []],
  ] as Array<[string, string[]]>)('answers null for %j / %j: the caller then uses a parameterised claim', (consumer, ids) => {
    expect(inboxMarkStatement(ids.map((id) => ({ consumer, eventId: id })))).toBeNull();
  });
});
