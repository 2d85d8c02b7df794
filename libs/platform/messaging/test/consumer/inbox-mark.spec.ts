import { inboxMarkStatement } from '../../src/lib/consumer/inbox';

describe('inboxMarkStatement: the inbox mark sent with the COMMIT', () => {
  const eventId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

  it('inlines a kebab-case consumer and a uuid event id', () => {
    expect(inboxMarkStatement('orders--kitchen-verdicts', eventId)).toBe(
      `INSERT INTO msg_inbox (consumer, event_id, outcome) VALUES ('orders--kitchen-verdicts', '${eventId}', 'processed')`,
    );
  });

  it.each([
    ["orders--x'); DROP TABLE msg_inbox; --", eventId],
    ['Orders--Verdicts', eventId],
    ['orders--verdicts', "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b'"],
    ['orders--verdicts', 'not-a-uuid'],
  ])('answers null for %j / %j: the caller then uses a parameterised claim', (consumer, id) => {
    expect(inboxMarkStatement(consumer, id)).toBeNull();
  });
});
