import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { currentActor } from "@/lib/auth/guard";
import type { ActionResult } from "@/lib/errors";
import { requestMeta } from "@/lib/http/request-context";
import { runAction, type ActionDefinition } from "./run-action";

export type { ActionContext } from "./run-action";

/**
 * Every server action is built here, so none can skip the guard or the schema: the caller is authenticated
 * from the database, then runAction authorizes, validates and runs the handler.
 */
export function defineAction<Schema extends z.ZodType, Result>(definition: ActionDefinition<Schema, Result>) {
  return async function serverAction(input: z.input<Schema>): Promise<ActionResult<Result>> {
    const [actor, meta] = await Promise.all([currentActor(), requestMeta()]);
    return runAction(definition, input, actor, meta, unstable_rethrow);
  };
}
