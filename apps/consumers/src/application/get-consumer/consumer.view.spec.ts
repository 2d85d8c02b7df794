import { consumerId, consumerRegistered } from '../../../test/consumer.mothers';
import { ConsumerErrorCodes } from '../../domain/consumer.errors';
import { toConsumerView } from './consumer.view';

describe('consumer view', () => {
  it('shows an active consumer with its version', () => {
    const { data } = consumerRegistered();
    expect(toConsumerView(consumerId, { status: 'ACTIVE', ...data }, 2)).toEqual({
      consumerId,
      name: data.name,
      email: data.email,
      status: 'ACTIVE',
      version: 2,
    });
  });

  it('shows a suspended consumer as suspended', () => {
    expect(toConsumerView(consumerId, { status: 'SUSPENDED', ...consumerRegistered().data }, 3)).toMatchObject({
      status: 'SUSPENDED',
      version: 3,
    });
  });

  it('refuses an unknown consumer as not found', () => {
    expect(() => toConsumerView(consumerId, { status: 'UNKNOWN' }, 1)).toThrow(
      expect.objectContaining({ code: ConsumerErrorCodes.NotFound }),
    );
  });
});
