import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CourierCommandRunner } from '../../infrastructure/courier-command-runner';
import { CourierView, toCourierView } from './courier.view';
import { GetCourier } from './get-courier.query';

/** Served from the courier's stream (from its latest snapshot): always current. Unknown courier -> 404. */
@QueryHandler(GetCourier)
export class GetCourierHandler implements IQueryHandler<GetCourier> {
  constructor(private readonly couriers: CourierCommandRunner) {}

  async execute({ courierId }: GetCourier): Promise<CourierView> {
    const { state, streamVersion } = await this.couriers.load(courierId);
    return toCourierView(courierId, state, streamVersion);
  }
}
