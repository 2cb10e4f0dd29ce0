/** The catalog's closed lists of codes (runtime-neutral: the renderer imports them). */
export const PRODUCT_STATUSES = ['active', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** VAT rates in basis points: 13 %, 9 %, 6 %, 3 % (small-scale taxpayers) and 0 %. */
export const VAT_RATES = [1300, 900, 600, 300, 0] as const;
export type VatRate = (typeof VAT_RATES)[number];

export const PRICE_LIST_KINDS = ['standard', 'tier', 'customer'] as const;
export type PriceListKind = (typeof PRICE_LIST_KINDS)[number];
