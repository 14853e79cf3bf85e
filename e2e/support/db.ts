// Direct access to the end-to-end database: tests seed their own users here and read back what the app wrote.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { assertLocalDatabase } from "../../lib/testing/test-database";

export type Role = "OWNER" | "ADMIN" | "CONTRIBUTOR" | "VIEWER" | "AUDITOR";
export type UserStatus = "ACTIVE" | "DISABLED";
export type SeededUser = { id: string; email: string; name: string; password: string; role: Role };

export type UserRecord = {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  passwordHash: string;
  lastSignInAt: Date | null;
};

export type AuditEventRecord = {
  id: string;
  action: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  result: string;
  metadata: Record<string, unknown> | null;
};

let pool: pg.Pool | undefined;

/** One pool per worker, on the database the web server uses; never anything but this machine. */
export function db(): pg.Pool {
  if (pool) return pool;
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the end-to-end tests through `npm test`.");
  assertLocalDatabase(url);
  pool = new pg.Pool({ connectionString: url, max: 4 });
  return pool;
}

export async function closeDb(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

export const randomSuffix = () => randomBytes(5).toString("hex");

/** Emails are unique per test run and per test, so parallel workers never meet. */
export const uniqueEmail = (prefix: string) => `${prefix.toLowerCase()}-${randomSuffix()}@e2e.test`;

// argon2id is deliberately slow: seeding many users with one password hashes it once.
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

export async function createUser(options: {
  role: Role;
  status?: UserStatus;
  name?: string;
  email?: string;
  password?: string;
}): Promise<SeededUser> {
  // Only the server's first owner may be an OWNER, so the last-owner rule stays testable.
  if (options.role === "OWNER") throw new Error("The e2e database keeps exactly one OWNER (E2E_OWNER): do not seed another.");
  const suffix = randomSuffix();
  const email = options.email ?? uniqueEmail(options.role);
  const name = options.name ?? `E2E ${options.role.toLowerCase()} ${suffix}`;
  const password = options.password ?? `e2e-password-${suffix}`;
  const { rows } = await db().query<{ id: string }>(
    `INSERT INTO "User" (email, name, role, status, "passwordHash", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
    [email, name, options.role, options.status ?? "ACTIVE", await hashOnce(password)],
  );
  return { id: rows[0]!.id, email, name, password, role: options.role };
}

export async function findUserByEmail(email: string): Promise<UserRecord | null> {
  const { rows } = await db().query<UserRecord>(`SELECT * FROM "User" WHERE email = $1`, [email.toLowerCase()]);
  return rows[0] ?? null;
}

export async function getUser(id: string): Promise<UserRecord> {
  const { rows } = await db().query<UserRecord>(`SELECT * FROM "User" WHERE id = $1`, [id]);
  if (!rows[0]) throw new Error(`No user ${id}`);
  return rows[0];
}

/** Changes a user behind the app's back, as another instance or an operator's SQL would. */
export async function setStatusInDatabase(id: string, status: UserStatus): Promise<void> {
  await db().query(`UPDATE "User" SET status = $2, "updatedAt" = now() WHERE id = $1`, [id, status]);
}

/** Sessions of the user that still work (not revoked, not expired). */
export async function liveSessionCount(userId: string): Promise<number> {
  const { rows } = await db().query<{ count: string }>(
    `SELECT count(*) FROM "UserSession" WHERE "userId" = $1 AND "revokedAt" IS NULL AND "expiresAt" > now()`,
    [userId],
  );
  return Number(rows[0]!.count);
}

export async function countUsers(where: { emailLike?: string; role?: Role } = {}): Promise<number> {
  const { rows } = await db().query<{ count: string }>(
    `SELECT count(*) FROM "User" WHERE ($1::text IS NULL OR email LIKE $1) AND ($2::text IS NULL OR role::text = $2)`,
    [where.emailLike ?? null, where.role ?? null],
  );
  return Number(rows[0]!.count);
}

/**
 * Audit events, oldest first. `email` matches the address a failed sign-in was tried with (the first of its
 * aggregate, or one of the others kept in actorNames). Refusals and failed sign-ins are aggregates written when
 * their window ends (a second here, KEYHOLD_REFUSAL_WINDOW_SECONDS): poll for them.
 */
export async function auditEvents(filter: {
  action?: string;
  targetId?: string;
  actorId?: string;
  email?: string;
}): Promise<AuditEventRecord[]> {
  const { rows } = await db().query<AuditEventRecord>(
    `SELECT id::text, action, "actorType", "actorId", "actorName", "targetType", "targetId", "targetName",
            ip, "userAgent", "requestId", result, metadata
       FROM "AuditEvent"
      WHERE ($1::text IS NULL OR action = $1) AND ($2::text IS NULL OR "targetId" = $2)
        AND ($3::text IS NULL OR "actorId" = $3) AND ($4::text IS NULL OR metadata->>'email' = $4 OR metadata->'actorNames' ? $4)
      ORDER BY "AuditEvent".id`,
    [filter.action ?? null, filter.targetId ?? null, filter.actorId ?? null, filter.email ?? null],
  );
  return rows;
}

/** How many refusals the aggregates counted, per reason: { wrong_password: 5, locked_out: 1 }. */
export function refusalCounts(events: AuditEventRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { metadata } of events) {
    const { reason, count } = metadata as { reason: string; count: number };
    counts[reason] = (counts[reason] ?? 0) + count;
  }
  return counts;
}
