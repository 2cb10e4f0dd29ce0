/** The quotations area's closed lists of codes (runtime-neutral: the renderer imports them). */
export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired', 'converted'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
