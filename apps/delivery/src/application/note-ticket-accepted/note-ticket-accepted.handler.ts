import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { awaitsCourier } from '../../domain/delivery.state';
import { DeliveryCommandRunner } from '../../infrastructure/delivery-command-runner';
import { DeliveryTransaction } from '../../infrastructure/delivery-transaction';
import { AssignCourier } from '../assign-courier/assign-courier.command';
import { AssignCourierHandler } from '../assign-courier/assign-courier.handler';
import { NoteTicketAccepted } from './note-ticket-accepted.command';

/** A delivery that now needs a courier gets one in the same transaction, or joins the line. */
@CommandHandler(NoteTicketAccepted)
export class NoteTicketAcceptedHandler implements ICommandHandler<NoteTicketAccepted> {
  constructor(
    private readonly transaction: DeliveryTransaction,
    private readonly deliveries: DeliveryCommandRunner,
    private readonly assign: AssignCourierHandler,
  ) {}

  async execute({ ticket: { orderId, readyBy }, metadata }: NoteTicketAccepted): Promise<void> {
    await this.transaction.run(async () => {
      const { state } = await this.deliveries.run(orderId, { type: 'NoteTicketAccepted', data: { orderId, readyBy } }, metadata);
      if (awaitsCourier(state)) await this.assign.execute(new AssignCourier({ type: 'FindCourier', data: { orderId } }, metadata));
    });
  }
}
