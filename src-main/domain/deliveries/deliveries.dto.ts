/** The deliveries area's closed lists of codes (runtime-neutral: the renderer imports them). */
export const DELIVERY_STATUSES = ['picking', 'posted', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
