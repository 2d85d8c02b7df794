/** The tables the order view writes and reads; a rebuild into `_v2` changes these constants. */
export const ORDERS_TABLE = 'oh_orders_v1';
export const TIMELINE_TABLE = 'oh_order_timeline_v1';
