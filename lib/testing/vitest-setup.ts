import { randomBytes } from "node:crypto";
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
// The same in every test file: they all write to and verify one audit chain. Test values, not secrets.
process.env.KEYHOLD_AUDIT_KEY ??= Buffer.from("keyhold vitest: audit chain HMAC key (32+ bytes)").toString("base64url");
process.env.KEYHOLD_AUDIT_SIGNING_KEY ??= Buffer.from("keyhold vitest: Ed25519 seed 32B").toString("base64url");
