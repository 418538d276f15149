// Apart from ./schemas (zod): the settings forms list these on the page's first load, the schemas load later.
export const CHANNEL_KINDS = ["EMAIL", "SLACK", "WEBHOOK"] as const;
export const ALERT_KINDS = ["BALANCE_BELOW", "QUOTA_ABOVE", "INSTANCE_STOPPED", "INSTANCE_RESTARTED", "MEMBER_JOINED", "MEMBER_LEFT", "BILLING_PAST_DUE"] as const;
