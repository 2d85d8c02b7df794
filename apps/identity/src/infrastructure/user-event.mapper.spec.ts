import { aStaffUserRegisteredV1, aUserRegisteredV1, userRegisteredV1 } from '@brigade/contracts/identity';
import type { StoredEvent } from '@brigade/event-store';
import { restaurantId, userId, userRegistered } from '../../test/user.mothers';
import type { UserEvent } from '../domain/user.events';
import { mapUserEvent } from './user-event.mapper';

function stored(event: UserEvent, streamType = 'user'): StoredEvent {
  return {
    eventId: 'f0c5a3c2-9a9e-4f3c-8d55-1e2f3a4b5c6d',
    streamId: userId,
    streamType,
    streamVersion: 1,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'anonymous', role: 'anonymous' }, occurredAt: '2026-11-27T10:00:00.000Z' },
    position: { transactionId: '1', sequence: '1' },
    recordedAt: new Date('2026-11-27T10:00:00.000Z'),
  };
}

describe('user event mapper', () => {
  it('publishes a consumer’s UserRegistered as identity.user.registered.v1 with its consumer and name', () => {
    const { subject, payload } = mapUserEvent(stored(userRegistered()));
    expect(subject).toBe(userRegisteredV1.subject);
    expect(userRegisteredV1.parse(payload)).toEqual(userRegistered().data);
    expect(Object.keys(payload).sort()).toEqual(Object.keys(aUserRegisteredV1()).sort());
  });

  it('publishes staff with their restaurant and nothing else', () => {
    const staff = { type: 'UserRegistered', data: { userId, email: 'kitchen@example.com', role: 'restaurant', restaurantId } } as const;
    const { payload } = mapUserEvent(stored(staff));
    expect(userRegisteredV1.parse(payload)).toEqual(staff.data);
    expect(Object.keys(payload).sort()).toEqual(Object.keys(aStaffUserRegisteredV1()).sort());
  });

  it('leaves out whatever the internal event holds beyond the contract', () => {
    const event = userRegistered();
    const { payload } = mapUserEvent(stored({ ...event, data: { ...event.data, passwordHash: 'scrypt$…' } as never }));
    expect(payload).not.toHaveProperty('passwordHash');
  });

  it('throws on an event type or stream type it does not know', () => {
    expect(() => mapUserEvent(stored({ type: 'UserRenamed' } as never))).toThrow();
    expect(() => mapUserEvent(stored(userRegistered(), 'session'))).toThrow(/session/);
  });
});
