import type { ServiceAccountRole } from "@/lib/db/generated/enums";

// The admin's review lists on the home page: live tokens that never expire, and ADMIN-role tokens nobody used for
// 30 days, which the admin can revoke in bulk. Per token (revoking is per token), organisation-wide.
export const REVIEW_LISTS = ["no_expiry", "admin_unused_30"] as const;
export type ReviewList = (typeof REVIEW_LISTS)[number];

export const REVIEW_LABELS: Record<ReviewList, string> = {
  no_expiry: "Tokens without expiry",
  admin_unused_30: "Admin tokens unused for 30 days",
};

/** Rows listed per review list (the newest first); the count says how many there are in all. */
export const REVIEW_ROWS = 50;

export type ReviewToken = {
  id: string;
  name: string;
  hint: string;
  accountId: string;
  accountName: string;
  role: ServiceAccountRole;
  createdAt: string;
  lastUsedAt: string | null;
  canManage: boolean;
  /** Suspended by the stale-token policy. */
  suspended: boolean;
  /** In how many days the stale-token policy suspends it (unused list, policy on; 0: at the next scan), else null. */
  suspendsInDays: number | null;
};

/** order: newest first, or (unused list with the stale-token policy on) the next to be suspended first. */
export type ReviewGroup = { list: ReviewList; count: number; rows: ReviewToken[]; order: "newest" | "suspension" };
