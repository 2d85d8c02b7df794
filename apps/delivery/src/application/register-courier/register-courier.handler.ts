import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CourierCommandRunner } from '../../infrastructure/courier-command-runner';
import { RegisterCourier } from './register-courier.command';

/** The courier id was just generated: the stream cannot exist yet, so it is not read first. */
@CommandHandler(RegisterCourier)
export class RegisterCourierHandler implements ICommandHandler<RegisterCourier> {
  constructor(private readonly couriers: CourierCommandRunner) {}

  async execute({ courier, metadata }: RegisterCourier): Promise<{ courierId: string }> {
    await this.couriers.run(courier.courierId, { type: 'RegisterCourier', data: courier }, metadata, { freshId: true });
    return { courierId: courier.courierId };
  }
}
