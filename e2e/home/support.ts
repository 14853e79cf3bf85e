// The home page as its tests drive it: a bucket's card, and usage seeded straight into the database.
import type { Page } from "@playwright/test";
import { db } from "../support/db";

/** A bucket's card on `/` (a region named by its heading). */
export const bucketCard = (page: Page, label: string) => page.getByRole("region", { name: label, exact: true });

/** A review list (admins) on `/`. */
export const reviewList = (page: Page, label: string) => page.getByRole("region", { name: new RegExp(`^${label}`) });

/** The browser's local date `days` from today, as `<input type="date">` wants it. */
export function localDateAhead(page: Page, days: number): Promise<string> {
  return page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    const pad = (v: number) => String(v).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }, days);
}

/** Requests a token made `daysAgo` days ago (UTC day), as the API's usage flush would have written them. */
export async function seedUsage(tokenId: string, daysAgo: number, requests: number): Promise<void> {
  await db().query(
    `INSERT INTO "TokenUsage" ("tokenId", day, requests) VALUES ($1, (now() AT TIME ZONE 'UTC')::date - $2::int, $3)
     ON CONFLICT ("tokenId", day) DO UPDATE SET requests = EXCLUDED.requests`,
    [tokenId, daysAgo, requests],
  );
}
