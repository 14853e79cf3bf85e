import { randomBytes } from "node:crypto";
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.KEYHOLD_AUDIT_KEY ??= randomBytes(32).toString("base64url");
process.env.KEYHOLD_AUDIT_SIGNING_KEY ??= randomBytes(32).toString("base64url");
