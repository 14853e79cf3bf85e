import { AUDIT_ACTION_FILTERS, type AuditActionFilter } from "@/lib/audit/actions";
import { auditPageSchema, type AuditFilter, type AuditPageParams } from "@/lib/audit/schemas";

// The audit log's URL is its state: the filter, the page size, a keyset cursor and the open event.
export const AUDIT_LOG_PATH = "/admin/audit-log";
export const DEFAULT_AUDIT_PAGE_SIZE: number = auditPageSchema.shape.pageSize.parse(undefined);

export type AuditListState = AuditFilter & Partial<Pick<AuditPageParams, "pageSize" | "before" | "after">> & { event?: string };

const SINGLE_KEYS = ["actor", "target", "result", "from", "to", "q", "before", "after", "event"] as const;
const FILTER_KEYS = ["actor", "action", "target", "result", "from", "to", "q"] as const satisfies readonly (keyof AuditFilter)[];

/** The state as a query string: `action` repeated once per action, defaults and empty values left out. */
export function auditQuery(state: AuditListState): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of SINGLE_KEYS) {
    const value = state[key];
    if (value) query.set(key, value);
  }
  for (const action of state.action ?? []) query.append("action", action);
  if (state.pageSize && state.pageSize !== DEFAULT_AUDIT_PAGE_SIZE) query.set("pageSize", String(state.pageSize));
  return query;
}

export function auditHref(state: AuditListState): string {
  const query = auditQuery(state).toString();
  return query ? `${AUDIT_LOG_PATH}?${query}` : AUDIT_LOG_PATH;
}

/** Only the filter (no paging, no open event): what the exports and "clear" care about. */
export function filterOf(state: AuditListState): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of FILTER_KEYS) if (state[key] !== undefined) Object.assign(filter, { [key]: state[key] });
  return filter;
}

export function hasFilter(filter: AuditFilter): boolean {
  return FILTER_KEYS.some((key) => (key === "action" ? Boolean(filter.action?.length) : Boolean(filter[key])));
}

const isAuditAction = (value: string): value is AuditActionFilter => (AUDIT_ACTION_FILTERS as readonly string[]).includes(value);

/**
 * `?action=` may repeat, and parseSearchParams keeps only the first value of a repeated parameter, so the
 * actions are read here: every known one is kept, unknown ones are dropped (a forgiving reading, like the rest).
 */
export function parseActions(value: string | string[] | undefined): AuditActionFilter[] | undefined {
  const actions = [value ?? []].flat().filter(isAuditAction);
  return actions.length ? [...new Set(actions)] : undefined;
}
