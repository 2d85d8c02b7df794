import { consumerId, consumerRegistered, orderId } from '../../../test/consumer.mothers';
import { ConsumerErrorCodes } from '../../domain/consumer.errors';
import { toConsumerView } from './consumer.view';

describe('consumer view', () => {
  it('shows an active consumer with its version, without the orders it judged', () => {
    const { data } = consumerRegistered();
    expect(toConsumerView(consumerId, { status: 'ACTIVE', ...data, judgedOrderIds: [orderId] }, 2)).toEqual({
      consumerId,
      name: data.name,
      email: data.email,
      status: 'ACTIVE',
      version: 2,
    });
  });

  it('shows a suspended consumer as suspended', () => {
    expect(toConsumerView(consumerId, { status: 'SUSPENDED', ...consumerRegistered().data, judgedOrderIds: [] }, 3)).toMatchObject({
      status: 'SUSPENDED',
      version: 3,
    });
  });

  it('refuses an unknown consumer as not found, also when orders named it', () => {
    expect(() => toConsumerView(consumerId, { status: 'UNKNOWN', judgedOrderIds: [orderId] }, 1)).toThrow(
      expect.objectContaining({ code: ConsumerErrorCodes.NotFound }),
    );
  });
});
