// Apart from ./schemas (zod): the create form lists these on a page's first load, its schema loads later.
export const WORKSPACE_KINDS = ["PROJECT", "ENVIRONMENT"] as const;
export const WORKSPACE_STAGES = ["DEVELOPMENT", "STAGING", "PRODUCTION"] as const;
