import { principalUserId, type Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { ServiceAccountRole, UserStatus } from "@/lib/db/generated/enums";
import { toListResult, type ListResult } from "@/lib/lists/list-params";
import { toIsoDateTimeOrNull } from "@/lib/validation/dates";
import { tokenStatus, type TokenStatus } from "@/lib/tokens/token-status";
import { readableServiceAccounts } from "./access";
import { tokenSummaries, type TokenSummary } from "./token-summaries";
import { searchWhere, statusWhere } from "./status-where";
import { attentionWhere } from "./attention-where";
import type { FindServiceAccountsParams } from "./schemas";

export type ServiceAccountRow = {
  id: string;
  name: string;
  description: string;
  role: ServiceAccountRole;
  /** status DISABLED: the console marks the account "Owner disabled" (its tokens keep working unless suspended). */
  owner: { id: string; name: string; email: string; status: UserStatus };
  status: TokenStatus;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  /** The console's list: how many live tokens the account has, and its primary token's hint. */
  tokens?: TokenSummary;
};

/** One page of the service accounts the actor may see. `mine` narrows to the actor's own (My tokens). */
export async function findServiceAccounts(actor: Actor, params: FindServiceAccountsParams, { mine = false } = {}): Promise<ListResult<ServiceAccountRow>> {
  const now = new Date();
  const where: Prisma.ServiceAccountWhereInput = {
    AND: [
      readableServiceAccounts(actor),
      mine ? { ownerId: principalUserId(actor) } : {},
      params.ownerId ? { ownerId: params.ownerId } : {},
      params.role ? { role: params.role } : {},
      params.status ? statusWhere(params.status, now) : {},
      params.attention ? attentionWhere(params.attention, now) : {},
      params.q ? searchWhere(params.q) : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.serviceAccount.findMany({
      where,
      orderBy: [orderOf(params), { id: "asc" }],
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
      include: { owner: { select: OWNER_FIELDS } },
    }),
    db.serviceAccount.count({ where }),
  ]);
  const summaries = await tokenSummaries(rows.map((row) => row.id), now);
  return toListResult(
    rows.map((a) => {
      const row = toServiceAccountRow(a, now);
      const tokens = summaries.get(a.id) ?? { live: 0, primaryHint: null };
      // Suspension is not copied onto the account (it comes and goes with Resume): read from its tokens.
      const suspended = tokens.suspended && (row.status === "active" || row.status === "expiring");
      return { ...row, status: suspended ? ("suspended" as const) : row.status, tokens };
    }),
    total,
    params.page,
    params.pageSize,
  );
}

export const OWNER_FIELDS = { id: true, name: true, email: true, status: true } as const;
type AccountWithOwner = Prisma.ServiceAccountGetPayload<{ include: { owner: { select: typeof OWNER_FIELDS } } }>;

export function toServiceAccountRow(a: AccountWithOwner, now = new Date()): ServiceAccountRow {
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    role: a.role,
    owner: a.owner,
    status: tokenStatus({ expiresAt: a.tokenExpiresAt, revokedAt: a.tokenRevokedAt }, now.getTime()),
    createdAt: a.createdAt.toISOString(),
    lastUsedAt: toIsoDateTimeOrNull(a.lastUsedAt),
    expiresAt: toIsoDateTimeOrNull(a.tokenExpiresAt),
  };
}

function orderOf({ sort, dir }: FindServiceAccountsParams): Prisma.ServiceAccountOrderByWithRelationInput {
  if (sort === "lastUsedAt" || sort === "tokenExpiresAt") return { [sort]: { sort: dir, nulls: "last" } };
  return { [sort]: dir };
}
