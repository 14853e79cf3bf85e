import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
import type { BuiltInScope } from "@/lib/auth/scopes";
import { AppError, validationError, type ActionError, type ActionResult } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-context";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { logError, logRepeatedError } from "@/lib/log";
import { recordActionRefusal } from "./record-action-refusal";

export type ActionContext = { actor: Actor; meta: RequestMeta };

export type ActionDefinition<Schema extends z.ZodType, Result> = {
  /** What the caller must hold; the guard checks it before the input is even read. */
  permission: Permission;
  /** The scope a token needs, when not the permission's own (lib/auth/scopes.ts), e.g. tokens:write. */
  scope?: BuiltInScope;
  /** How the audit trail names the action when it is refused, e.g. "users.change_role" (handler names are minified). */
  name: string;
  schema: Schema;
  handler: (input: z.output<Schema>, context: ActionContext) => Promise<Result>;
};

/** Declares an action's permission, schema and handler together (lib/<feature>/action-definitions.ts). */
export function action<Schema extends z.ZodType, Result>(definition: ActionDefinition<Schema, Result>) {
  return definition;
}

/**
 * Authorize against the permission map, validate, run, and turn errors into a typed result. `rethrow` lets
 * Next's control-flow errors (redirect, notFound) through. Refusals (no session, missing permission, an access
 * decision's no) are recorded as action.refused aggregates, console and API alike.
 */
export async function runAction<Schema extends z.ZodType, Result>(
  definition: ActionDefinition<Schema, Result>,
  input: unknown,
  actor: Actor | null,
  meta: RequestMeta,
  rethrow: (error: unknown) => void = () => {},
): Promise<ActionResult<Result>> {
  let authorized = false;
  try {
    const allowed = authorize(actor, definition.permission, definition.scope);
    authorized = true;
    const parsed = definition.schema.safeParse(input);
    if (!parsed.success) throw validationError(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
    return { ok: true, data: await definition.handler(parsed.data, { actor: allowed, meta }) };
  } catch (error) {
    rethrow(error);
    if (error instanceof AppError) recordActionRefusal(definition, actor, meta, error, authorized);
    return { ok: false, error: toActionError(error, meta.requestId) };
  }
}

function toActionError(error: unknown, requestId: string): ActionError {
  if (error instanceof AppError) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors, scope: error.scope };
  if (isDatabaseUnavailable(error)) {
    logRepeatedError("action failed: database unavailable", error, { requestId });
    return { code: "unavailable", message: "Keyhold is temporarily unavailable. Please try again in a few seconds.", requestId };
  }
  logError("server action failed", error, { requestId });
  return { code: "internal", message: `Something went wrong. Request id: ${requestId}`, requestId };
}
