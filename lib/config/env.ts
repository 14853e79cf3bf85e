import { z } from "zod";
import { ssoEnvFields, ssoEnvProblems } from "./sso-env";

/** A key given as base64url (what `randomBytes(32).toString("base64url")` prints), or null if it is not one. */
export function decodeKey(value: string): Buffer | null {
  return /^[A-Za-z0-9_-]+$/.test(value) ? Buffer.from(value, "base64url") : null;
}
// Instances sharing a database must share these keys: say how to make one by hand too.
const GENERATED = `npm run quickstart generates one into .env.local; or: node -e "console.log(crypto.randomBytes(32).toString('base64url'))"`;
const keyOf = (name: string, bytes: string, ok: (length: number) => boolean) =>
  z.string({ error: `${name} is required (${GENERATED})` }).refine((v) => ok(decodeKey(v)?.length ?? 0), `${name} must be ${bytes} encoded as base64url`);
const auditKey = (name: string) => keyOf(name, "at least 32 random bytes", (n) => n >= 32);

const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required (npm run quickstart sets it for the embedded database)" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string"),
  AUTH_SECRET: z
    .string({ error: "AUTH_SECRET is required (npm run quickstart generates one into .env.local)" })
    .min(32, "AUTH_SECRET must be at least 32 characters"),
  KEYHOLD_ADMIN_EMAIL: z.email("KEYHOLD_ADMIN_EMAIL must be an email address").optional(),
  KEYHOLD_ADMIN_PASSWORD: z.string().min(12, "KEYHOLD_ADMIN_PASSWORD must be at least 12 characters").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  // API requests per minute per token, and failed API authentications per minute per client address.
  KEYHOLD_API_RATE_LIMIT: z.coerce.number().int().min(1, "KEYHOLD_API_RATE_LIMIT must be at least 1").default(600),
  KEYHOLD_API_AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).default(30),
  // Leak reports (POST /api/v1/tokens/leaked, unauthenticated) per client address per hour.
  KEYHOLD_LEAK_REPORT_LIMIT: z.coerce.number().int().min(1, "KEYHOLD_LEAK_REPORT_LIMIT must be at least 1").default(60),
  // Refused requests are audited as one event per (who, reason, route) per window of this many seconds.
  KEYHOLD_REFUSAL_WINDOW_SECONDS: z.coerce
    .number({ error: "KEYHOLD_REFUSAL_WINDOW_SECONDS must be a number of seconds" })
    .int()
    .min(1, "KEYHOLD_REFUSAL_WINDOW_SECONDS must be between 1 and 3600")
    .max(3600, "KEYHOLD_REFUSAL_WINDOW_SECONDS must be between 1 and 3600")
    .default(60),
  // The longest a request waits on the database (connect, pool, statement, transaction start): past it, 503.
  KEYHOLD_DB_TIMEOUT_MS: z.coerce
    .number({ error: "KEYHOLD_DB_TIMEOUT_MS must be a number of milliseconds" })
    .int()
    .min(100, "KEYHOLD_DB_TIMEOUT_MS must be between 100 and 60000")
    .max(60_000, "KEYHOLD_DB_TIMEOUT_MS must be between 100 and 60000")
    .default(5000),
  // Set when a reverse proxy in front of Keyhold appends the client address to X-Forwarded-For.
  KEYHOLD_TRUST_PROXY: z
    .enum(["true", "false", "1", "0"], { error: "KEYHOLD_TRUST_PROXY must be true or false" })
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  // The audit chain's HMAC key (never stored in the database), and the older keys kept for verification only.
  KEYHOLD_AUDIT_KEY: auditKey("KEYHOLD_AUDIT_KEY"),
  KEYHOLD_AUDIT_PREVIOUS_KEYS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((key) => key.trim()).filter(Boolean))
    .pipe(z.array(auditKey("KEYHOLD_AUDIT_PREVIOUS_KEYS"))),
  // The Ed25519 private key (its 32-byte seed) that signs audit checkpoints.
  KEYHOLD_AUDIT_SIGNING_KEY: keyOf("KEYHOLD_AUDIT_SIGNING_KEY", "32 random bytes (an Ed25519 seed)", (n) => n === 32),
  // How clients reach this instance: introspection's `iss` and the OpenAPI document's server. Default http://HOST:PORT.
  KEYHOLD_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "KEYHOLD_PUBLIC_URL must be an http:// or https:// URL" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  // Jobs (lib/jobs): how often the expiry and stale-token scans run, on one instance per interval.
  KEYHOLD_SCAN_INTERVAL_SECONDS: z.coerce
    .number({ error: "KEYHOLD_SCAN_INTERVAL_SECONDS must be a number of seconds" })
    .int()
    .min(1, "KEYHOLD_SCAN_INTERVAL_SECONDS must be between 1 and 43200")
    .max(43_200, "KEYHOLD_SCAN_INTERVAL_SECONDS must be between 1 and 43200")
    .default(300),
  // Email (lib/mail): off until an SMTP server is given, e.g. smtp://user:pass@host:587 or smtps://host:465.
  KEYHOLD_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "KEYHOLD_SMTP_URL must be an smtp:// or smtps:// URL" })
    .optional(),
  KEYHOLD_MAIL_FROM: z.string().min(3).max(200).default("Keyhold <keyhold@localhost>"),
  // Webhooks (lib/webhooks): endpoints on loopback, private, link-local or metadata addresses are refused unless true.
  KEYHOLD_WEBHOOK_ALLOW_PRIVATE: z
    .enum(["true", "false", "1", "0"], { error: "KEYHOLD_WEBHOOK_ALLOW_PRIVATE must be true or false" })
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  // Single sign-on through OIDC and KEYHOLD_PASSWORD_LOGIN (lib/config/sso-env.ts).
  ...ssoEnvFields,
});

export type Env = Omit<z.infer<typeof envSchema>, "KEYHOLD_PUBLIC_URL"> & { KEYHOLD_PUBLIC_URL: string };

/** Parses the environment, throwing one message that lists every problem. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const blank = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = envSchema.safeParse(blank);
  const problems = ssoEnvProblems(blank);
  if (!result.success || problems.length > 0) {
    const issues = result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];
    const lines = [...issues, ...problems].map((line) => `  - ${line}`);
    throw new Error(`Keyhold's configuration is invalid:\n${lines.join("\n")}`);
  }
  const { HOST, PORT, KEYHOLD_PUBLIC_URL } = result.data;
  return { ...result.data, KEYHOLD_PUBLIC_URL: KEYHOLD_PUBLIC_URL ?? `http://${HOST.includes(":") ? `[${HOST}]` : HOST}:${PORT}` };
}

let cached: Env | undefined;

/** The validated environment, parsed once on first use (not at import, so `next build` needs no database). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
