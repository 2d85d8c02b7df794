/** What an order knows of the restaurant when it is placed: the orders context's replica, passed in with the command. */
export interface RestaurantSnapshot {
  readonly restaurantId: string;
  readonly open: boolean;
  readonly menu: ReadonlyArray<{ readonly menuItemId: string; readonly name: string; readonly priceCents: number }>;
}

export interface RequestedLine {
  readonly menuItemId: string;
  readonly quantity: number;
}

/** A line priced at order time: name and unit price are copied from the menu then. */
export interface OrderLine {
  readonly menuItemId: string;
  readonly name: string;
  readonly priceCents: number;
  readonly quantity: number;
}

export interface DeliveryAddress {
  readonly street1: string;
  readonly street2?: string;
  readonly city: string;
  readonly zip: string;
}
