import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { contextFor, createTestUser, eventsFor, uniqueEmail } from "@/lib/testing/factories";
import { changeUserRole } from "./change-user-role";
import { createUser } from "./create-user";
import { setUserStatus } from "./set-user-status";

const rejectsWith = (promise: Promise<unknown>, code: string) => expect(promise).rejects.toMatchObject({ code });

describe("createUser", () => {
  it("stores only a hash of a generated password and audits the creation", async () => {
    const ctx = await contextFor("ADMIN");
    const created = await createUser({ name: "New", email: uniqueEmail(), role: "VIEWER", passwordMode: "generate" }, ctx);
    expect(created.generatedPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const user = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(created.generatedPassword);
    const [event] = await eventsFor(created.id);
    expect(event).toMatchObject({ action: "user.created", actorId: ctx.actor.id, result: "SUCCESS", ip: ctx.meta.ip });
  });

  it("answers a duplicate email with a field error and writes nothing", async () => {
    const ctx = await contextFor("ADMIN");
    const existing = await createTestUser();
    const attempt = createUser({ name: "Dup", email: existing.email, role: "VIEWER", passwordMode: "generate" }, ctx);
    await expect(attempt).rejects.toMatchObject({ code: "conflict", fieldErrors: { email: ["A user with this email already exists"] } });
    expect(await db.auditEvent.count({ where: { action: "user.created", actorId: ctx.actor.id } })).toBe(0);
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
  });

  it("refuses a role the creator cannot grant", async () => {
    const ctx = await contextFor("ADMIN");
    const email = uniqueEmail();
    await rejectsWith(createUser({ name: "Boss", email, role: "OWNER", passwordMode: "generate" }, ctx), "forbidden");
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });
});

describe("changeUserRole", () => {
  it("changes the role and records before and after", async () => {
    const ctx = await contextFor("ADMIN");
    const viewer = await createTestUser({ role: "VIEWER" });
    await changeUserRole({ userId: viewer.id, role: "CONTRIBUTOR" }, ctx);
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).role).toBe("CONTRIBUTOR");
    const [event] = await eventsFor(viewer.id);
    expect(event?.metadata).toEqual({ before: { role: "VIEWER" }, after: { role: "CONTRIBUTOR" } });
  });

  it("does not let an ADMIN demote an OWNER", async () => {
    const ctx = await contextFor("ADMIN");
    const owner = await createTestUser({ role: "OWNER" });
    await rejectsWith(changeUserRole({ userId: owner.id, role: "VIEWER" }, ctx), "forbidden");
    expect(await eventsFor(owner.id)).toHaveLength(0);
  });

  it("never leaves the console without an active owner, even when two owners demote each other at once", async () => {
    // Make these two the only active owners for the duration of the test.
    await db.user.updateMany({ where: { role: "OWNER", status: "ACTIVE" }, data: { status: "DISABLED" } });
    const a = await contextFor("OWNER");
    const b = await contextFor("OWNER");
    const results = await Promise.allSettled([
      changeUserRole({ userId: b.actor.id, role: "ADMIN" }, a),
      changeUserRole({ userId: a.actor.id, role: "ADMIN" }, b),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AppError);
    expect(rejected.reason.message).toBe("There must always be at least one active owner.");
    expect(await db.user.count({ where: { role: "OWNER", status: "ACTIVE" } })).toBe(1);
  });
});

describe("setUserStatus and stepping down", () => {
  it("refuses to disable yourself", async () => {
    const ctx = await contextFor("OWNER");
    await rejectsWith(setUserStatus({ userId: ctx.actor.id, status: "DISABLED" }, ctx), "forbidden");
  });

  it("disables a user, ends their sessions, and enables them again", async () => {
    const ctx = await contextFor("ADMIN");
    const user = await createTestUser({ role: "CONTRIBUTOR" });
    const session = await db.userSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    await setUserStatus({ userId: user.id, status: "DISABLED" }, ctx);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull();
    const disabled = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(disabled).toMatchObject({ status: "DISABLED" });
    await setUserStatus({ userId: user.id, status: "ACTIVE" }, ctx);
    expect((await eventsFor(user.id)).map((e) => e.action)).toEqual(["user.disabled", "user.enabled"]);
  });

  it("lets an owner step down while another owner remains, but not the last one", async () => {
    await db.user.updateMany({ where: { role: "OWNER", status: "ACTIVE" }, data: { status: "DISABLED" } });
    const first = await contextFor("OWNER");
    const second = await contextFor("OWNER");
    await changeUserRole({ userId: second.actor.id, role: "ADMIN" }, second);
    await rejectsWith(changeUserRole({ userId: first.actor.id, role: "ADMIN" }, first), "conflict");
    expect((await db.user.findUniqueOrThrow({ where: { id: first.actor.id } })).role).toBe("OWNER");
  });
});
