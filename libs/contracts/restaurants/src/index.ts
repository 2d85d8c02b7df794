// The restaurants context's integration events: what other contexts (orders, kitchen, delivery,
// order-history) may know about a restaurant. Payloads are JSON on `restaurants.restaurant.*`;
// a restaurant is created closed and is open to orders only after `restaurants.restaurant.opened.v1`.
export * from './lib/restaurant-fields';
export * from './lib/restaurant-created.v1';
export * from './lib/restaurant-menu-revised.v1';
export * from './lib/restaurant-opened.v1';
export * from './lib/restaurant-closed.v1';
export * from './lib/restaurants-contracts';
