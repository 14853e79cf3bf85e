import { audit } from "@/lib/audit/audit";
import { db, type Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { RequestMeta } from "@/lib/http/request-context";
import { emailSchema } from "@/lib/users/schemas";
import { singleLineText } from "@/lib/validation/text";
import { userDisplayName } from "../actor";
import { generatePassword, hashPassword } from "../password";
import { openSession, recordSignInFailure } from "../sign-in";
import { claimGroups, claimValue, roleFromGroups } from "./role-from-claims";
import type { SsoConfig } from "./sso-config";

/** Who the audit trail names for what single sign-on does on its own: creating a user, changing their role. */
export const SSO_ACTOR = { type: "SYSTEM", name: "SSO" } as const;

/** Why a sign-in through the identity provider was refused; the login page words each (sso-refusals.ts). */
export type SsoRefusal = "email_missing" | "email_unverified" | "domain_not_allowed" | "disabled";

export type SsoSignInOutcome = { ok: true; user: { id: string; name: string; email: string; sessionId: string } } | { ok: false; reason: SsoRefusal };

const nameSchema = singleLineText().trim().min(1).max(100);

/**
 * Signs in the person the identity provider vouched for (its ID token's claims): the Keyhold user with that email
 * (created on first sign-in, just in time), their role brought in line with the role claim, and a session row as a
 * password sign-in makes. A disabled user stays refused; OWNERs keep their role (the provider never grants it).
 */
export async function signInWithSso(claims: Record<string, unknown>, meta: RequestMeta, config: SsoConfig): Promise<SsoSignInOutcome> {
  const email = emailSchema.safeParse(claims.email).data;
  const refusal = !email
    ? "email_missing"
    : claims.email_verified === false || claims.email_verified === "false"
      ? "email_unverified"
      : config.allowedDomains.length > 0 && !config.allowedDomains.includes(email.slice(email.lastIndexOf("@") + 1))
        ? "domain_not_allowed"
        : null;
  if (refusal) return refuse(email, meta, refusal);

  const role = roleFromGroups(claimGroups(claimValue(claims, config.roleClaim)), config.roleMap);
  const name = nameSchema.safeParse(claims.name).data ?? email!.slice(0, email!.indexOf("@"));
  // A first sign-in needs a password hash (argon2's work is done before the transaction, not inside it).
  const known = (await db.user.count({ where: { email } })) > 0;
  const passwordHash = known ? null : await hashPassword(generatePassword());
  const attempt = () => db.$transaction((tx) => signInUser(tx, { email: email!, name, role, passwordHash }, meta, config.roleClaim));
  let result: Awaited<ReturnType<typeof attempt>>;
  try {
    result = await attempt();
  } catch (error) {
    // Two first sign-ins of one person at once: the other created the user; this one signs them in.
    if (!isUniqueViolation(error)) throw error;
    result = await attempt();
  }
  if ("disabled" in result) return refuse(email, meta, "disabled", result.disabled);
  return { ok: true, user: result };
}

type Person = { email: string; name: string; role: ReturnType<typeof roleFromGroups>; passwordHash: string | null };

async function signInUser(tx: Tx, person: Person, meta: RequestMeta, roleClaim: string) {
  let user = await tx.user.findUnique({ where: { email: person.email } });
  if (user?.status === "DISABLED") return { disabled: user };
  if (!user) {
    // Nobody knows this password: the person signs in through the provider.
    const passwordHash = person.passwordHash ?? (await hashPassword(generatePassword()));
    user = await tx.user.create({ data: { email: person.email, name: person.name, role: person.role, passwordHash } });
    await audit(tx, meta, {
      action: "user.created",
      actor: SSO_ACTOR,
      target: { type: "user", id: user.id, name: userDisplayName(user) },
      metadata: { after: { name: user.name, email: user.email, role: user.role }, method: "sso", claim: roleClaim },
    });
  } else if (user.role !== "OWNER" && user.role !== person.role) {
    await tx.user.update({ where: { id: user.id }, data: { role: person.role } });
    await audit(tx, meta, {
      action: "user.role_changed",
      actor: SSO_ACTOR,
      target: { type: "user", id: user.id, name: userDisplayName(user) },
      metadata: { before: { role: user.role }, after: { role: person.role }, method: "sso", claim: roleClaim },
    });
  }
  const sessionId = await openSession(tx, user, meta, "sso");
  return { id: user.id, name: user.name, email: user.email, sessionId };
}

function refuse(email: string | undefined, meta: RequestMeta, reason: SsoRefusal, user?: { id: string; name: string; email: string }): SsoSignInOutcome {
  recordSignInFailure(email, meta, reason === "disabled" ? "disabled" : `sso_${reason}`, user);
  return { ok: false, reason };
}
