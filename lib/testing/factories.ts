import { randomBytes, randomUUID } from "node:crypto";
import type { ActionContext } from "@/lib/actions/run-action";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import type { Role, UserStatus } from "@/lib/db/generated/enums";
import type { RequestMeta } from "@/lib/http/request-context";

export const uniqueEmail = (prefix = "user") => `${prefix}-${randomBytes(4).toString("hex")}@example.test`;

export const TEST_PASSWORD = "test-password-123";
let testPasswordHash: Promise<string> | undefined;

export async function createTestUser(overrides: { role?: Role; status?: UserStatus; email?: string; name?: string } = {}) {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: overrides.email ?? uniqueEmail(overrides.role?.toLowerCase()),
      name: overrides.name ?? "Test User",
      role: overrides.role ?? "VIEWER",
      status: overrides.status ?? "ACTIVE",
      passwordHash: await testPasswordHash,
    },
  });
}

export function testMeta(overrides: Partial<RequestMeta> = {}): RequestMeta {
  return { ip: "203.0.113.7", userAgent: "vitest", requestId: randomUUID(), ...overrides };
}

/** The context a server action hands its handler, for a user of the given role. */
export async function contextFor(role: Role): Promise<ActionContext> {
  const user = await createTestUser({ role });
  return { actor: { type: "USER", id: user.id, name: user.name, email: user.email, role: user.role }, meta: testMeta() };
}

export const eventsFor = (targetId: string) => db.auditEvent.findMany({ where: { targetId }, orderBy: { id: "asc" } });

/** A service account with one token, written directly (no audit), for tests that need one to act on. */
export async function createTestServiceAccount(ownerId: string, overrides: { role?: "ADMIN" | "CONTRIBUTOR" | "VIEWER" | "AUDITOR" | "INTROSPECTOR"; expiresAt?: Date | null } = {}) {
  const { issueToken } = await import("@/lib/tokens/token-format");
  const issued = issueToken();
  const expiresAt = overrides.expiresAt ?? null;
  const account = await db.serviceAccount.create({
    data: { name: `sa-${randomBytes(5).toString("hex")}`, role: overrides.role ?? "VIEWER", ownerId, tokenExpiresAt: expiresAt },
  });
  const token = await db.apiToken.create({
    data: { serviceAccountId: account.id, publicId: issued.publicId, secretHash: issued.secretHash, hint: issued.hint, expiresAt },
  });
  return { account, token, value: issued.value };
}

export const actorOf = (user: { id: string; name: string; email: string; role: Role }) =>
  ({ type: "USER", id: user.id, name: user.name, email: user.email, role: user.role }) as const;
