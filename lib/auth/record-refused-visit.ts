import "server-only";
import { recordActionRefusal } from "@/lib/actions/record-action-refusal";
import { AppError, forbiddenError } from "@/lib/errors";
import { requestMeta } from "@/lib/http/request-context";
import type { Actor } from "./actor";
import type { Permission } from "./permissions";

/**
 * A page or download the guard refused, recorded like any refused action (an aggregate, no write per visit):
 * `where` names the kind of request, since pages and downloads have no action name of their own.
 */
export async function recordRefusedVisit(actor: Actor | null, permission: Permission, where: "console.page" | "console.download") {
  const error = actor ? forbiddenError() : new AppError("unauthenticated", "Sign in first.");
  recordActionRefusal({ permission, name: `${where}:${permission}` }, actor, await requestMeta(), error, false);
}
