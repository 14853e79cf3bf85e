// The API Tokens list's sortable columns. Apart from ./schemas (zod) because the list's browser code needs them too.
export const SERVICE_ACCOUNT_SORTS = ["name", "role", "createdAt", "lastUsedAt", "tokenExpiresAt"] as const;
