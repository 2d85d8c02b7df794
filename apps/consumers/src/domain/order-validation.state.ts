/** An order is judged once: UNJUDGED until its verdict, JUDGED (valid or not) for good. */
export type OrderValidationState = { readonly status: 'UNJUDGED' } | { readonly status: 'JUDGED'; readonly valid: boolean };
