import { randomBytes } from "node:crypto";

const secret = () => randomBytes(32).toString("base64url");

/** Throwaway secrets for the servers a benchmark starts on its own database (never a real instance's). */
export const BENCH_SECRETS = { AUTH_SECRET: secret(), KEYHOLD_AUDIT_KEY: secret(), KEYHOLD_AUDIT_SIGNING_KEY: secret() };
