import { hashPassword, generatePassword } from "@/lib/auth/password";
import { userDisplayName } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";

export const DEFAULT_ADMIN_EMAIL = "admin@keyhold.local";

/**
 * Creates the first OWNER when the database has no user yet. Returns the generated password (to be printed
 * once) when none was configured; null when a user already existed or the password came from the environment.
 */
export async function ensureFirstOwner(options: { email?: string; password?: string }) {
  if ((await db.user.count()) > 0) return null;
  const email = (options.email ?? DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  const password = options.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const owner = await db.$transaction(async (tx) => {
    // The lock makes two instances starting at once create one owner, not two.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('keyhold:first-owner'))`;
    if ((await tx.user.count()) > 0) return null;
    const user = await tx.user.create({ data: { email, name: "Owner", role: "OWNER", passwordHash } });
    await audit(tx, { ip: null, userAgent: null, requestId: "startup" }, {
      action: "user.created",
      actor: { type: "SYSTEM", name: "Keyhold setup" },
      target: { type: "user", id: user.id, name: userDisplayName(user) },
      metadata: { after: { email, role: "OWNER" }, firstOwner: true },
    });
    return user;
  });
  if (!owner) return null;
  return { email, generatedPassword: options.password ? null : password };
}
