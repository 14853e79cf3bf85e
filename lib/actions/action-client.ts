import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize, currentActor } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, validationError, type ActionResult } from "@/lib/errors";
import { requestMeta, type RequestMeta } from "@/lib/http/request-context";
import { logError } from "@/lib/log";

export type ActionContext = { actor: Actor; meta: RequestMeta };

type ActionDefinition<Schema extends z.ZodType, Result> = {
  /** What the caller must hold; the guard checks it before the input is even read. */
  permission: Permission;
  schema: Schema;
  handler: (input: z.output<Schema>, context: ActionContext) => Promise<Result>;
};

/**
 * Every server action is built here, so none can skip the guard or the schema: authenticate (from the
 * database), authorize against the permission map, validate, run, and turn errors into a typed result.
 */
export function defineAction<Schema extends z.ZodType, Result>(definition: ActionDefinition<Schema, Result>) {
  return async function action(input: z.input<Schema>): Promise<ActionResult<Result>> {
    const meta = await requestMeta();
    try {
      const actor = authorize(await currentActor(), definition.permission);
      const parsed = definition.schema.safeParse(input);
      if (!parsed.success) throw validationError(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
      return { ok: true, data: await definition.handler(parsed.data, { actor, meta }) };
    } catch (error) {
      unstable_rethrow(error);
      return { ok: false, error: toActionError(error, meta.requestId) };
    }
  };
}

function toActionError(error: unknown, requestId: string) {
  if (error instanceof AppError) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  logError("server action failed", error, { requestId });
  return { code: "internal" as const, message: `Something went wrong. Request id: ${requestId}`, requestId };
}
