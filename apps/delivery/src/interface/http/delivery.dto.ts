import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATES } from '../../domain/delivery.state';

export class AddressResponse {
  @ApiProperty({ example: '1 Main Street' })
  street1: string;

  @ApiPropertyOptional({ example: 'Unit 2' })
  street2?: string;

  @ApiProperty({ example: 'Oakland' })
  city: string;

  @ApiProperty({ example: '94611' })
  zip: string;
}

export class DeliveryResponse {
  @ApiProperty({ format: 'uuid', description: 'The order; a delivery has the id of its order.' })
  orderId: string;

  @ApiProperty({ format: 'uuid' })
  restaurantId: string;

  @ApiProperty({ enum: DELIVERY_STATES })
  state: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null until a courier is assigned.' })
  courierId: string | null;

  @ApiProperty({ type: AddressResponse, description: "The restaurant's address." })
  pickupAddress: AddressResponse;

  @ApiProperty({ type: AddressResponse, description: "The order's delivery address." })
  deliveryAddress: AddressResponse;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "The kitchen's promise, once it accepted the ticket." })
  readyBy: string | null;

  @ApiProperty({ description: 'The kitchen marked the food ready: it may be picked up.' })
  readyForPickup: boolean;

  @ApiProperty({ type: 'integer', description: 'Version of the delivery (its event stream).' })
  version: number;
}
