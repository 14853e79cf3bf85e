import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import type { ServiceAccountActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/client";
import { recordActionRefusal } from "@/lib/actions/record-action-refusal";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, notFoundError, validationError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-context";
import { decodeCursor, toPage } from "@/lib/lists/cursor";
import { assertAccountAccess, readableServiceAccounts } from "@/lib/service-accounts/access";
import { serviceAccountActions } from "@/lib/service-accounts/action-definitions";
import { findServiceAccount } from "@/lib/service-accounts/find-service-account";
import { findTokensOfAccounts } from "@/lib/service-accounts/find-tokens";
import { OWNER_FIELDS, toServiceAccountRow } from "@/lib/service-accounts/find-service-accounts";
import { searchWhere, statusWhere } from "@/lib/service-accounts/status-where";
import { boundedDateTime } from "@/lib/validation/dates";
import { respond } from "./respond";
import { tokenItemResponse } from "./token-schemas";
import { serviceAccountDetailResponse, type createServiceAccountBody, type listServiceAccountsQuery, type regenerateTokenBody, type updateServiceAccountBody } from "./schemas";

type Caller = { actor: ServiceAccountActor; meta: RequestMeta };
const RENAME = { ownerId: "owner", customExpiresAt: "expiresAt", expiration: "expiresAt", previousToken: "previousTokenExpiresAt" };
/** The list's sort key: created at, then id. */
const cursorKey = z.tuple([boundedDateTime(), z.uuid()]);

export async function listServiceAccounts({ actor }: Caller, query: z.output<typeof listServiceAccountsQuery>) {
  const cursor = decodeCursor(query.cursor, cursorKey);
  const now = new Date();
  const where: Prisma.ServiceAccountWhereInput = {
    AND: [
      readableServiceAccounts(actor),
      query.role ? { role: query.role } : {},
      query.status ? statusWhere(query.status, now) : {},
      query.q ? searchWhere(query.q) : {},
      cursor ? { OR: [{ createdAt: { lt: new Date(cursor[0]) } }, { createdAt: new Date(cursor[0]), id: { lt: cursor[1] } }] } : {},
    ],
  };
  const rows = await db.serviceAccount.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { owner: { select: OWNER_FIELDS } },
  });
  const page = toPage(rows, query.limit, (row) => toServiceAccountRow(row, now), (row) => [row.createdAt.toISOString(), row.id]);
  if (query.include !== "tokens") return page;
  // The page's accounts are the readable ones: their tokens in one query, shaped as listTokens answers them.
  const tokens = await findTokensOfAccounts(page.data.map((account) => account.id));
  return { ...page, data: page.data.map((account) => ({ ...account, tokens: tokens.get(account.id)!.map((token) => tokenItemResponse.parse(token)) })) };
}

/** `owner` may be a user id or an email. */
async function resolveOwner(owner: string | undefined): Promise<string | undefined> {
  if (owner === undefined) return undefined;
  const byId = z.uuid().safeParse(owner).success; // e.g. 36 dashes is no uuid: PostgreSQL would refuse it
  const user = await db.user.findFirst({ where: byId ? { id: owner } : { email: owner.trim().toLowerCase() }, select: { id: true } });
  if (!user) throw validationError({ owner: ["No user with this id or email"] });
  return user.id;
}

export async function createViaApi({ actor, meta }: Caller, body: z.output<typeof createServiceAccountBody>) {
  const input = {
    name: body.name,
    description: body.description ?? "",
    role: body.role,
    ownerId: await resolveOwner(body.owner),
    expiration: body.expiresAt ? "custom" : "never",
    customExpiresAt: body.expiresAt ?? undefined,
  };
  const result = await runAction(serviceAccountActions.create, input, actor, meta);
  if (!result.ok) return respond(result, () => null, 201, RENAME);
  const account = await findServiceAccount(actor, result.data.serviceAccount.id);
  const { value, hint, expiresAt, id } = result.data.token;
  return respond(result, () => ({ serviceAccount: account && detailBody(account), token: { id, value, hint, expiresAt } }), 201);
}

/** Whether the caller may see this account (the check before a PATCH or regeneration reads its body). */
/**
 * The 404-first check of the routes that read a body (lib/api/route.ts `found`): the read half of the one access
 * rule, so an account the caller cannot see is "not found" whatever the body says, and the attempt is recorded
 * like any refused action.
 */
export async function serviceAccountVisible({ actor, meta }: Caller, id: string, action: { name: string; permission: Permission }): Promise<boolean> {
  const account = await db.serviceAccount.findUnique({ where: { id }, select: { id: true, name: true, ownerId: true, role: true } });
  try {
    assertAccountAccess(actor, account, { action: "read" });
    return true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    recordActionRefusal(action, actor, meta, error, true);
    return false;
  }
}

export async function getViaApi({ actor }: Caller, id: string) {
  const account = await findServiceAccount(actor, id);
  return account ? { serviceAccount: detailBody(account) } : null;
}

export async function updateViaApi({ actor, meta }: Caller, id: string, body: z.output<typeof updateServiceAccountBody>) {
  // An account the caller cannot see is a 404 before anything about the body (whose missing fields would
  // otherwise be filled from an account that is not there).
  const current = await findServiceAccount(actor, id);
  if (!current) throw notFoundError("Service account not found.");
  const input = {
    id,
    description: body.description ?? current.description,
    role: body.role ?? current.role,
    ownerId: (await resolveOwner(body.owner)) ?? current.owner.id,
  };
  const result = await runAction(serviceAccountActions.update, input, actor, meta);
  if (!result.ok) return respond(result, () => null, 200, RENAME);
  const updated = await findServiceAccount(actor, id);
  return respond(result, () => ({ serviceAccount: updated && detailBody(updated) }));
}

export async function deleteViaApi({ actor, meta }: Caller, id: string) {
  return respond(await runAction(serviceAccountActions.delete, { id }, actor, meta), () => null, 204);
}

export async function regenerateViaApi({ actor, meta }: Caller, id: string, body: z.output<typeof regenerateTokenBody>) {
  const input = body.previousTokenExpiresAt
    ? { serviceAccountId: id, previousToken: "keep_until", previousTokenExpiresAt: body.previousTokenExpiresAt }
    : { serviceAccountId: id, previousToken: "expire_now" };
  const result = await runAction(serviceAccountActions.regenerate, input, actor, meta);
  return respond(result, ({ id: tokenId, value, hint, expiresAt }) => ({ token: { id: tokenId, value, hint, expiresAt } }), 201, RENAME);
}

export async function revokeViaApi({ actor, meta }: Caller, tokenId: string) {
  const result = await runAction(serviceAccountActions.revoke, { tokenId }, actor, meta);
  return respond(result, () => ({ token: { id: tokenId, revoked: true } }));
}

export async function resumeViaApi({ actor, meta }: Caller, tokenId: string) {
  const result = await runAction(serviceAccountActions.resume, { tokenId }, actor, meta);
  return respond(result, (resumed) => ({ token: { id: resumed.id, resumedAt: resumed.resumedAt } }));
}

/** The account as the API documents it (serviceAccountDetailResponse): the console's extra fields are left out. */
function detailBody(account: NonNullable<Awaited<ReturnType<typeof findServiceAccount>>>) {
  return serviceAccountDetailResponse.parse(account);
}
