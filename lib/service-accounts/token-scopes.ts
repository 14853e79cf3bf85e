import { z } from "zod";
import { BUILT_IN_SCOPES, isBuiltInScope, roleScopes } from "@/lib/auth/scopes";
import type { Tx } from "@/lib/db/client";
import type { Role, ServiceAccountRole } from "@/lib/db/generated/enums";
import { validationError, type FieldErrors } from "@/lib/errors";
import { SCOPE_NAME, SCOPE_NAME_RULE } from "@/lib/auth/scopes";
import { singleLineText } from "@/lib/validation/text";
import type { ScopeGift } from "./access";

/** Scope names (built-in like tokens:write, custom like deploy:write): lower-case, digits, '_', '-', ':' and '.'. */
export const scopeNameSchema = singleLineText()
  .trim()
  .min(1, "Enter a scope")
  .max(64, "A scope must be at most 64 characters")
  .regex(SCOPE_NAME, SCOPE_NAME_RULE);

/** A token's scopes as input: null or absent = full access of the role; otherwise a non-empty list. */
export const scopesInputSchema = z
  .array(scopeNameSchema)
  .min(1, "Choose at least one scope, or full access")
  .max(50, "At most 50 scopes")
  .transform((scopes) => [...new Set(scopes)])
  .nullable()
  .optional();

export type CustomScopeFacts = { name: string; minimumRole: Role; archivedAt: Date | null };

/** The custom scopes among `scopes`, as stored (unknown names are simply absent). */
export async function loadCustomScopes(tx: Tx, scopes: readonly string[] | null): Promise<Map<string, CustomScopeFacts>> {
  const custom = (scopes ?? []).filter((scope) => !isBuiltInScope(scope));
  if (custom.length === 0) return new Map();
  const rows = await tx.scope.findMany({ where: { name: { in: custom } }, select: { name: true, minimumRole: true, archivedAt: true } });
  return new Map(rows.map((row) => [row.name, row]));
}

/**
 * What is wrong with giving these scopes to a token of an account with this role: a built-in scope the role does
 * not reach, an unknown or (unless kept from before) archived custom scope. Field errors per entry (scopes.1).
 */
export function scopeInputErrors(
  role: ServiceAccountRole,
  scopes: readonly string[] | null,
  custom: ReadonlyMap<string, CustomScopeFacts>,
  kept: readonly string[] = [],
): FieldErrors | null {
  const errors: FieldErrors = {};
  const reachable = new Set<string>(roleScopes(role));
  (scopes ?? []).forEach((scope, index) => {
    let message: string | null = null;
    if (isBuiltInScope(scope)) message = reachable.has(scope) ? null : `The ${role} role does not allow ${scope}`;
    else if (!custom.has(scope)) message = `Unknown scope ${scope} (built-in: ${BUILT_IN_SCOPES.join(", ")}; or a custom scope from Admin → Scopes)`;
    else if (custom.get(scope)!.archivedAt && !kept.includes(scope)) message = `The ${scope} scope is archived`;
    if (message) errors[`scopes.${index}`] = [message];
  });
  return Object.keys(errors).length ? errors : null;
}

/**
 * The facts the access rule needs to decide giving these scopes. `check`: input from a caller (add token,
 * create), refused with field errors when wrong; a rotation gives the token's own scopes again, unchecked.
 */
export async function scopeGift(tx: Tx, role: ServiceAccountRole, scopes: readonly string[] | null, check = true): Promise<ScopeGift> {
  const custom = await loadCustomScopes(tx, scopes);
  const errors = check ? scopeInputErrors(role, scopes, custom) : null;
  if (errors) throw validationError(errors);
  return { scopes, minimumRoles: Object.fromEntries([...custom.values()].map((scope) => [scope.name, scope.minimumRole])) };
}

/** The stored form: full access, or the list. */
export const scopeColumns = (scopes: readonly string[] | null) => (scopes === null ? { fullAccess: true, scopes: [] } : { fullAccess: false, scopes: [...scopes] });
export const storedScopes = (token: { fullAccess: boolean; scopes: string[] }): string[] | null => (token.fullAccess ? null : token.scopes);
