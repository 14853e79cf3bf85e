import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { contextFor, eventsFor } from "@/lib/testing/factories";
import { notificationActions } from "./action-definitions";

describe("notification settings actions", () => {
  it("a VIEWER turns a kind off and on again for themselves, audited each time", async () => {
    const { actor, meta } = await contextFor("VIEWER");
    expect(await runAction(notificationActions.setPreference, { kind: "token.expired", enabled: false }, actor, meta)).toMatchObject({ ok: true });
    expect(await runAction(notificationActions.setPreference, { kind: "token.expired", enabled: true }, actor, meta)).toMatchObject({ ok: true });
    expect(await db.notificationPreference.findMany({ where: { userId: actor.id } })).toMatchObject([{ kind: "token.expired", enabled: true }]);
    expect((await eventsFor(actor.id)).map((e) => [e.action, e.metadata])).toEqual([
      ["notification.preference_changed", { kind: "token.expired", before: true, after: false }],
      ["notification.preference_changed", { kind: "token.expired", before: false, after: true }],
    ]);
  });

  it("refuses unknown kinds and kinds the person cannot receive as field errors", async () => {
    const { actor, meta } = await contextFor("CONTRIBUTOR");
    for (const kind of ["test", "nope", "webhook.disabled"]) {
      const result = await runAction(notificationActions.setPreference, { kind, enabled: false }, actor, meta);
      expect(result).toMatchObject({ ok: false, error: { code: "validation" } });
      if (!result.ok) expect(result.error.fieldErrors?.kind).toBeDefined();
    }
  });

  it("lets an ADMIN queue a test email to their own address, audited; refuses a CONTRIBUTOR", async () => {
    const admin = await contextFor("ADMIN");
    expect(await runAction(notificationActions.sendTestEmail, {}, admin.actor, admin.meta)).toEqual({ ok: true, data: { to: admin.actor.type === "USER" && admin.actor.email } });
    const notices = await db.notification.findMany({ where: { userId: admin.actor.id } });
    expect(notices).toMatchObject([{ kind: "test", tokenId: null }]);
    expect((await eventsFor(admin.actor.id)).map((e) => e.action)).toEqual(["notification.test_requested"]);
    const contributor = await contextFor("CONTRIBUTOR");
    expect(await runAction(notificationActions.sendTestEmail, {}, contributor.actor, contributor.meta)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await db.notification.count({ where: { userId: contributor.actor.id } })).toBe(0);
  });
});
