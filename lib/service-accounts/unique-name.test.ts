import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { actorOf, createTestUser, testMeta } from "@/lib/testing/factories";
import { serviceAccountActions } from "./action-definitions";

const CONFLICT = { ok: false, error: { code: "conflict", fieldErrors: { name: ["A service account with this name already exists"] } } };

describe("service-account names are unique whatever their case", () => {
  it("answers a name that differs only in case as the same conflict on the name field", async () => {
    const admin = actorOf(await createTestUser({ role: "ADMIN" }));
    const name = `SP-Case-${admin.id.slice(0, 8)}`;
    const create = (n: string) => runAction(serviceAccountActions.create, { name: n, role: "VIEWER", expiration: "never" }, admin, testMeta());
    expect((await create(name)).ok).toBe(true);
    expect(await create(name.toLowerCase())).toMatchObject(CONFLICT);
    expect(await create(name.toUpperCase())).toMatchObject(CONFLICT);
  });

  it("gives one of two racing creations the conflict, never an internal error", async () => {
    const admin = actorOf(await createTestUser({ role: "ADMIN" }));
    const name = `race-${admin.id.slice(0, 8)}`;
    const results = await Promise.all(
      [name, name.toUpperCase(), `${name[0]!.toUpperCase()}${name.slice(1)}`].map((n) =>
        runAction(serviceAccountActions.create, { name: n, role: "VIEWER", expiration: "never" }, admin, testMeta()),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok)) expect(refused).toMatchObject(CONFLICT);
  });
});
