import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { JOB_SCHEMA } from "@/lib/jobs/queues";
import { createTestUser } from "@/lib/testing/factories";
import { notify } from "./notify";

const emailJobsFor = async (notificationId: string) =>
  (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = 'email' AND data->>'notificationId' = $1`, notificationId))[0]!.n;

describe("notify", () => {
  it("writes a notice and its email job once per dedupe key, however often and concurrently it is asked", async () => {
    const user = await createTestUser();
    const dedupeKey = `token.expiring:7:${randomUUID()}`;
    const results = await Promise.all([0, 1, 2].map(() => db.$transaction((tx) => notify(tx, [{ userId: user.id, kind: "token.expiring", dedupeKey, data: { days: 7 } }]))));
    expect(results.flat()).toHaveLength(1);
    const [notice] = await db.notification.findMany({ where: { dedupeKey } });
    expect(notice).toMatchObject({ userId: user.id, kind: "token.expiring", data: { days: 7 }, sentAt: null });
    expect(await emailJobsFor(notice!.id)).toBe(1);
  });

  it("writes nothing when the transaction that asked for it fails", async () => {
    const user = await createTestUser();
    const dedupeKey = `token.revoked:${randomUUID()}`;
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, [{ userId: user.id, kind: "token.revoked", dedupeKey }]);
        throw new Error("the revocation failed");
      }),
    ).rejects.toThrow();
    expect(await db.notification.count({ where: { dedupeKey } })).toBe(0);
  });
});
