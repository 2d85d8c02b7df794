import type { DomainEvent } from '@brigade/domain';

export interface Address {
  readonly street1: string;
  readonly street2?: string;
  readonly city: string;
  readonly zip: string;
}

export interface MenuItem {
  readonly menuItemId: string;
  readonly name: string;
  readonly priceCents: number;
}

/** The whole menu: every revision replaces it. */
export type Menu = readonly MenuItem[];

// Internal events, as stored in the restaurant's stream. What other contexts see are the
// contracts in @brigade/contracts/restaurants; infrastructure/ maps one to the other.
export type RestaurantCreated = DomainEvent<
  'RestaurantCreated',
  { readonly restaurantId: string; readonly name: string; readonly address: Address; readonly menu: Menu }
>;
export type RestaurantMenuRevised = DomainEvent<'RestaurantMenuRevised', { readonly restaurantId: string; readonly menu: Menu }>;
export type RestaurantOpened = DomainEvent<'RestaurantOpened', { readonly restaurantId: string }>;
export type RestaurantClosed = DomainEvent<'RestaurantClosed', { readonly restaurantId: string }>;

export type RestaurantEvent = RestaurantCreated | RestaurantMenuRevised | RestaurantOpened | RestaurantClosed;
