import type { RestaurantCreatedV1 } from '@brigade/contracts/restaurants';
import { currentManager } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Address } from '../../domain/delivery.events';

/**
 * Delivery's replica of restaurants (`delivery_restaurants`): only their addresses, so it is its
 * own small table rather than the menu replicas orders and kitchen keep. Written in the consumer's
 * transaction (with its inbox row); the version guard keeps a replayed older event from
 * overwriting a newer one. Read once per approved order, so it is not kept in memory.
 */
@Injectable()
export class RestaurantReplica {
  constructor(private readonly dataSource: DataSource) {}

  async created(event: RestaurantCreatedV1, version: number | null): Promise<void> {
    await currentManager(this.dataSource).query(
      `INSERT INTO delivery_restaurants (restaurant_id, address, version) VALUES ($1, $2, $3)
       ON CONFLICT (restaurant_id) DO UPDATE SET address = EXCLUDED.address, version = EXCLUDED.version, updated_at = now()
       WHERE delivery_restaurants.version < EXCLUDED.version`,
      [event.restaurantId, JSON.stringify(addressOf(event.address)), version ?? 1],
    );
  }

  /** Where the food is picked up; null for a restaurant delivery has not heard of. */
  async pickupAddress(restaurantId: string): Promise<Address | null> {
    const [row]: Array<{ address: Address }> = await currentManager(this.dataSource).query(
      `SELECT address FROM delivery_restaurants WHERE restaurant_id = $1`,
      [restaurantId],
    );
    return row ? addressOf(row.address) : null;
  }
}

/** Field by field: nothing else of the payload (or the row) is kept. */
function addressOf({ street1, street2, city, zip }: Address): Address {
  return { street1, ...(street2 !== undefined ? { street2 } : {}), city, zip };
}
