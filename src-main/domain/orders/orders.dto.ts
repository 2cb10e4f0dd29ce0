/** The sales orders area's closed lists of codes (runtime-neutral: the renderer imports them). */
export const ORDER_STATUSES = ['draft', 'pending_approval', 'confirmed', 'partly_delivered', 'delivered', 'invoiced', 'paid', 'closed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** What an approval rule looks at; `any` matches every order (a catch-all at the end of the list). */
export const APPROVAL_CONDITIONS = ['amount_over', 'customer_tier', 'credit_problem', 'stock_shortage', 'discount_over', 'any'] as const;
export type ApprovalCondition = (typeof APPROVAL_CONDITIONS)[number];

export const APPROVAL_ACTIONS = ['approve', 'require_approval'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];
