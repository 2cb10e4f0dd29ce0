/** The returns area's closed lists of codes (runtime-neutral: the renderer imports them). */
export const RETURN_STATUSES = ['received', 'cancelled'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** What happens to returned goods: back into stock, or scrapped. */
export const RETURN_DISPOSITIONS = ['restock', 'scrap'] as const;
export type ReturnDisposition = (typeof RETURN_DISPOSITIONS)[number];

export const CREDIT_NOTE_REQUEST_STATUSES = ['open', 'credited', 'cancelled'] as const;
export type CreditNoteRequestStatus = (typeof CREDIT_NOTE_REQUEST_STATUSES)[number];
