import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { notify } from "@/lib/notifications/notify";
import { createTestServiceAccount, createTestUser } from "@/lib/testing/factories";
import { sendNotification } from "./send-notification";
import { mailEnabled, mailSettings } from "./transport";

// No KEYHOLD_SMTP_URL in this file: email is off.
delete process.env.KEYHOLD_SMTP_URL;

describe("email off", () => {
  it("marks notices skipped, with the reason, instead of failing", async () => {
    expect(mailEnabled()).toBe(false);
    expect(mailSettings()).toEqual({ enabled: false });
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const { token } = await createTestServiceAccount(owner.id);
    const [notice] = await db.$transaction((tx) => notify(tx, [{ userId: owner.id, kind: "token.expired", dedupeKey: `token.expired:off:${token.id}`, tokenId: token.id }]));
    await sendNotification({ notificationId: notice!.id }, { id: "vitest" });
    const row = await db.notification.findUniqueOrThrow({ where: { id: notice!.id } });
    expect(row).toMatchObject({ sentAt: null, skipReason: "Email is off (KEYHOLD_SMTP_URL is not set)" });
    expect(row.skippedAt).not.toBeNull();
  });
});
