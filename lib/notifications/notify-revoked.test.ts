import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { bulkRevokeTokens } from "@/lib/service-accounts/bulk-revoke-tokens";
import { revokeToken } from "@/lib/service-accounts/revoke-token";
import { actorOf, contextFor, createTestServiceAccount, createTestUser, testMeta } from "@/lib/testing/factories";

const revokedNotices = (tokenId: string) => db.notification.findMany({ where: { tokenId, kind: "token.revoked" } });

describe("revoked by someone else", () => {
  it("tells the owner when an admin revokes their token, naming who, once", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const { token } = await createTestServiceAccount(owner.id);
    const admin = await contextFor("ADMIN");
    await revokeToken({ tokenId: token.id }, admin);
    const notices = await revokedNotices(token.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ userId: owner.id, dedupeKey: `token.revoked:${token.id}`, data: { by: `${admin.actor.name} <${admin.actor.type === "USER" ? admin.actor.email : ""}>` } });
  });

  it("tells the owner of each token an admin revokes in bulk", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const [a, b] = [await createTestServiceAccount(owner.id), await createTestServiceAccount(owner.id)];
    await bulkRevokeTokens({ tokenIds: [a.token.id, b.token.id] }, await contextFor("ADMIN"));
    expect((await revokedNotices(a.token.id)).map((n) => n.userId)).toEqual([owner.id]);
    expect((await revokedNotices(b.token.id)).map((n) => n.userId)).toEqual([owner.id]);
  });

  it("tells no one when the owner revokes their own token", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const { token } = await createTestServiceAccount(owner.id);
    await revokeToken({ tokenId: token.id }, { actor: actorOf(owner), meta: testMeta() });
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ revokedById: owner.id });
    expect(await revokedNotices(token.id)).toEqual([]);
  });
});
