/** Status details of mercadopago.md §3.1 that tests share. */

// §3.1 says these get the generic rejection text: their own key comes first (so a merchant's
// `messages` override or a later translation can target them), and en.json answers with _default.
export const GENERIC_REJECTIONS = [
  'cc_amount_rate_limit_exceeded',
  'rejected_by_bank',
  'rejected_by_regulations',
  'rejected_insufficient_data',
  'insufficient_amount',
  'rejected_high_risk',
  'rejected_other_reason',
  'cc_rejected_time_out',
];
