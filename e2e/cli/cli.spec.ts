// The keyhold CLI against the suite's server, as a user runs it: child processes, each test with its own HOME and
// config dir and its own token (the API's per-token limit is low here). Independent commands run in parallel.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { CSV_COLUMNS } from "../../lib/audit/audit-csv";
import { withChainLock } from "../support/audit";
import { randomSuffix } from "../support/db";
import { expect, test } from "../support/fixtures";
import { apiClient, createServiceAccountWithToken, type SeededToken } from "../support/tokens";
import { cliHome, runCli, startCli, type CliRun } from "./run-cli";

// Each test has its own token, owner and HOME: they may run on any worker.
test.describe.configure({ mode: "parallel" });

const UUID = expect.stringMatching(/^[0-9a-f-]{36}$/);
const TOKEN = /kh_[A-Za-z0-9_-]{10,}/;

function session(baseURL: string | undefined, sa: SeededToken) {
  const home = cliHome();
  const env = { KEYHOLD_URL: baseURL!, KEYHOLD_TOKEN: sa.value };
  const runs: CliRun[] = [];
  const run = async (args: string[], extra: { env?: Record<string, string>; input?: string } = {}) => {
    const result = await runCli(args, { home, env: { ...env, ...extra.env }, input: extra.input });
    runs.push(result);
    return result;
  };
  /** No output of any run shows the session's own token. */
  const noTokenInOutput = () => {
    for (const r of runs) expect(r.stdout + r.stderr).not.toContain(sa.value);
  };
  return { home, run, runs, noTokenInOutput };
}

test("login reads the token from stdin, checks it and stores it 0600; whoami; logout", async ({ baseURL }) => {
  const sa = await createServiceAccountWithToken("VIEWER");
  const { home, run, noTokenInOutput } = session(baseURL, sa);
  const noEnv = { KEYHOLD_URL: "", KEYHOLD_TOKEN: "" };
  const file = path.join(home.config, "keyhold", "credentials.json");
  const [bad, notLoggedIn, noUrl] = await Promise.all([
    run(["login", "--url", baseURL!], { env: noEnv, input: "kh_not_a_real_token\n" }),
    run(["whoami"], { env: noEnv }),
    run(["login"], { env: noEnv, input: `${sa.value}\n` }),
  ]);
  expect(bad.code, bad.stderr).toBe(4);
  expect(bad.stderr).toContain("error: unauthenticated");
  expect(notLoggedIn.code).toBe(2);
  expect(noUrl.code).toBe(2);
  expect(existsSync(file), "nothing stored after a refused login").toBe(false);

  const login = await run(["login", "--url", `${baseURL}/`], { env: noEnv, input: `${sa.value}\n` });
  expect(login.code, login.stderr).toBe(0);
  expect(login.stderr).toContain(`as service account ${sa.accountName} (VIEWER)`);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ url: baseURL, token: sa.value });

  const [json, table] = await Promise.all([run(["whoami", "--json"], { env: noEnv }), run(["whoami"], { env: noEnv })]);
  expect(JSON.parse(json.stdout)).toEqual({ serviceAccount: { id: sa.accountId, name: sa.accountName, role: "VIEWER", ownerId: sa.owner.id }, token: { id: sa.tokenId, hint: expect.any(String), expiresAt: null } });
  expect(table.stdout).toMatch(new RegExp(`^FIELD\\s+VALUE\\naccount\\s+${sa.accountName}\\n`));
  // The stored credential is the only place the token is written.
  const files = readdirSync(home.home, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  expect(files.filter((entry) => readFileSync(path.join(entry.parentPath, entry.name), "utf8").includes(sa.value)).map((entry) => entry.name)).toEqual(["credentials.json"]);

  const logout = await run(["logout"], { env: noEnv });
  expect(logout.code).toBe(0);
  expect(existsSync(file)).toBe(false);
  expect((await run(["whoami"], { env: noEnv })).code).toBe(2);
  noTokenInOutput();
});

test("accounts: create (value once, on stdout), list, get, update, delete, and an error each", async ({ baseURL }) => {
  const sa = await createServiceAccountWithToken("CONTRIBUTOR");
  const { run, noTokenInOutput } = session(baseURL, sa);
  const name = `cli-${randomSuffix()}`;
  const created = await run(["accounts", "create", "--name", name, "--role", "VIEWER", "--description", "made by the CLI"]);
  expect(created.code, created.stderr).toBe(0);
  const value = created.stdout.trim();
  expect(value).toMatch(new RegExp(`^${TOKEN.source}$`));
  expect(created.stderr).toContain("warning:");
  expect(created.stderr).not.toContain(value);

  const [list, get, asNew, missing, duplicate, badRole] = await Promise.all([
    run(["accounts", "list", "--json"]),
    run(["accounts", "get", name, "--output", "yaml"]),
    run(["whoami", "--json"], { env: { KEYHOLD_TOKEN: value } }),
    run(["accounts", "get", "00000000-0000-4000-8000-000000000000"]),
    run(["accounts", "create", "--name", name, "--role", "VIEWER"]),
    run(["accounts", "create", "--name", `${name}-x`, "--role", "BOSS"]),
  ]);
  expect(JSON.parse(list.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ id: UUID, name, role: "VIEWER", description: "made by the CLI", owner: expect.objectContaining({ email: sa.owner.email }) })]));
  expect(parse(get.stdout)).toMatchObject({ name, role: "VIEWER", tokens: [expect.objectContaining({ status: "active" })] });
  expect(JSON.parse(asNew.stdout).serviceAccount.name).toBe(name);
  expect([missing.code, missing.stderr]).toEqual([3, "error: not_found: Service account not found.\n"]);
  expect(duplicate.code).toBe(5);
  expect(duplicate.stderr).toContain("error: conflict:");
  expect(duplicate.stderr).toContain("  name: A service account with this name already exists");
  expect(badRole.code).toBe(2);
  expect(badRole.stderr).toMatch(/error: validation: .*\n {2}role: /);

  const [updated, tooHigh] = await Promise.all([run(["accounts", "update", name, "--description", "changed", "--json"]), run(["accounts", "update", name, "--role", "ADMIN"])]);
  expect(JSON.parse(updated.stdout)).toMatchObject({ name, description: "changed", role: "VIEWER" });
  expect(tooHigh.code, tooHigh.stderr).toBe(4);

  expect((await run(["accounts", "delete", name])).code).toBe(0);
  expect((await run(["accounts", "delete", name])).code).toBe(3);
  noTokenInOutput();
});

test("tokens: add, list, rotate, revoke, and an error each", async ({ baseURL }) => {
  const sa = await createServiceAccountWithToken("CONTRIBUTOR");
  const viewer = await createServiceAccountWithToken("VIEWER");
  const { run, noTokenInOutput } = session(baseURL, sa);
  const added = await run(["tokens", "add", sa.accountName, "--name", "deploy-eu", "--scopes", "service_accounts:read", "--allowed-ips", "203.0.113.0/24"]);
  expect(added.code, added.stderr).toBe(0);
  expect(added.stdout.trim()).toMatch(new RegExp(`^${TOKEN.source}$`));
  expect(added.stderr).toContain("warning:");

  const [list, duplicate, forbidden, unknown] = await Promise.all([
    run(["tokens", "list", sa.accountName, "--json"]),
    run(["tokens", "add", sa.accountName, "--name", "deploy-eu"]),
    run(["tokens", "add", viewer.accountName, "--name", "x"], { env: { KEYHOLD_TOKEN: viewer.value } }),
    run(["tokens", "rotate", "00000000-0000-4000-8000-000000000000"]),
  ]);
  expect(JSON.parse(list.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ id: UUID, name: "deploy-eu", scopes: ["service_accounts:read"], allowedIps: ["203.0.113.0/24"], status: "active" })]));
  expect(duplicate.code).toBe(5);
  expect(forbidden.code, forbidden.stderr).toBe(4);
  expect(unknown.code).toBe(3);

  const rotated = await run(["tokens", "rotate", "deploy-eu", "--account", sa.accountName, "--json"]);
  expect(rotated.code, rotated.stderr).toBe(0);
  expect(JSON.parse(rotated.stdout)).toMatchObject({ token: { name: "deploy-eu", value: expect.stringMatching(TOKEN) }, previousToken: { id: UUID } });
  expect(rotated.stderr).toContain("warning:");
  const revoked = await run(["tokens", "revoke", "deploy-eu", "--account", sa.accountName, "--json"]);
  expect(JSON.parse(revoked.stdout)).toEqual({ token: { id: UUID, revoked: true } });
  const [again, table] = await Promise.all([run(["tokens", "revoke", "deploy-eu", "--account", sa.accountName]), run(["tokens", "list", sa.accountName])]);
  expect(again.code).toBe(3);
  expect(table.stdout).toMatch(/^TOKEN ID\s+HINT\s+STATUS/);
  expect(table.stdout).toMatch(/deploy-eu\s+\S+\s+revoked/);
  noTokenInOutput();
});

test("scopes, resources, audit list, export with resume, verify", async ({ baseURL, request }) => {
  const sa = await createServiceAccountWithToken("ADMIN");
  const { home, run, noTokenInOutput } = session(baseURL, sa);
  const api = apiClient(request, sa.value);
  // Three events of this account's own, so the export's content is known whatever else the suite is doing.
  for (const i of [1, 2, 3]) expect((await api.post("/api/v1/service-accounts", { name: `cli-audit-${i}-${randomSuffix()}`, role: "VIEWER" })).status()).toBe(201);
  const out = (name: string) => path.join(home.home, name);
  const filters = ["--action", "service_account.created", "--actor", sa.accountName];
  const [scopes, resources, badType, page, badAction, table, ndjson, csv, badFormat] = await Promise.all([
    run(["scopes", "list", "--json"]),
    run(["resources", "list", "--json"]),
    run(["resources", "list", "--type", "NOT A TYPE"]),
    run(["audit", "list", "--limit", "3", "--json"]),
    run(["audit", "list", "--action", "no.such"]),
    run(["audit", "list", "--limit", "2"]),
    run(["audit", "export", "--format", "ndjson", "-o", out("a.ndjson"), ...filters]),
    run(["audit", "export", "--format", "csv", "-o", out("a.csv"), ...filters]),
    run(["audit", "export", "--format", "xml", "-o", out("a.xml")]),
  ]);
  expect(JSON.parse(scopes.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ name: "service_accounts:read", builtIn: true })]));
  expect(Array.isArray(JSON.parse(resources.stdout))).toBe(true);
  expect(badType.code).toBe(2);
  const events = JSON.parse(page.stdout);
  expect(events).toEqual({ data: expect.any(Array), nextCursor: expect.any(String) });
  expect(events.data[0]).toEqual(expect.objectContaining({ id: expect.stringMatching(/^\d+$/), action: expect.any(String), actor: expect.any(Object), hash: expect.stringMatching(/^[0-9a-f]{64}$/) }));
  expect(badAction.code).toBe(2);
  expect(badAction.stderr).toMatch(/error: validation: .*\n {2}action: /);
  expect(table.stdout).toMatch(/^ID\s+TIME\s+ACTOR\s+ACTION\s+TARGET\s+RESULT\n/);
  expect(badFormat.code).toBe(2);

  expect([ndjson.code, csv.code], ndjson.stderr + csv.stderr).toEqual([0, 0]);
  const lines = readFileSync(out("a.ndjson"), "utf8").trimEnd().split("\n");
  const ids = lines.map((line) => BigInt(JSON.parse(line).id));
  expect(ids.length).toBe(3);
  expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!), "oldest first").toBe(true);
  const csvLines = readFileSync(out("a.csv"), "utf8").trimEnd().split("\n");
  expect(csvLines[0]).toBe(CSV_COLUMNS.join(","));
  expect(csvLines.length).toBe(lines.length + 1);
  // An interrupted export (its first two events) resumes after its last id, to the same file.
  writeFileSync(out("b.ndjson"), `${lines.slice(0, 2).join("\n")}\n`);
  const resumed = await run(["audit", "export", "--format", "ndjson", "-o", out("b.ndjson"), "--resume", ...filters]);
  expect(resumed.stderr).toContain(`appended ${lines.length - 2} events`);
  expect(readFileSync(out("b.ndjson"), "utf8")).toBe(readFileSync(out("a.ndjson"), "utf8"));

  const [checkpoints, key] = await Promise.all([api.get("/api/v1/audit-checkpoints?limit=1"), request.get("/api/v1/audit-checkpoints/public-key")]);
  const file = { ...(await checkpoints.json()).data[0], publicKey: (await key.json()).publicKey };
  writeFileSync(out("checkpoint.json"), JSON.stringify(file));
  writeFileSync(out("forged.json"), JSON.stringify({ ...file, count: file.count + 1 }));
  writeFileSync(out("junk.json"), "{}");
  await withChainLock("shared", async () => {
    const [ok, forged, junk] = await Promise.all([
      run(["audit", "verify", "--checkpoint", out("checkpoint.json")]),
      run(["audit", "verify", "--checkpoint", out("forged.json")]),
      run(["audit", "verify", "--checkpoint", out("junk.json")]),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("(this Keyhold's signing key)");
    expect(ok.stdout).toContain(`OK: the log still holds event ${file.eventId} with the signed hash`);
    expect([forged.code, forged.stderr]).toEqual([1, "error: BROKEN: the checkpoint's signature is not valid for its public key\n"]);
    expect(junk.code).toBe(2);
  });
  noTokenInOutput();
});

test("audit tail prints events written after it started, and refuses a bad interval", async ({ baseURL, request }) => {
  const sa = await createServiceAccountWithToken("ADMIN");
  const { home, run, noTokenInOutput } = session(baseURL, sa);
  const [badInterval, scopesForbidden] = await Promise.all([
    run(["audit", "tail", "--interval", "0"]),
    run(["scopes", "list"], { env: { KEYHOLD_TOKEN: (await createServiceAccountWithToken("INTROSPECTOR")).value } }),
  ]);
  expect(badInterval.code).toBe(2);
  expect(scopesForbidden.code).toBe(4);
  const tail = startCli(["audit", "tail", "--interval", "0.3", "--json", "--actor", sa.accountName], { home, env: { KEYHOLD_URL: baseURL!, KEYHOLD_TOKEN: sa.value } });
  try {
    // An event from before the tail started (this create) is not printed; one from after it is.
    const name = (i: number) => `cli-tail-${i}-${randomSuffix()}`;
    const api = apiClient(request, sa.value);
    const first = name(1);
    expect((await api.post("/api/v1/service-accounts", { name: first, role: "VIEWER" })).status()).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // the CLI starts, reads the newest event
    const second = name(2);
    expect((await api.post("/api/v1/service-accounts", { name: second, role: "VIEWER" })).status()).toBe(201);
    const line = await tail.waitFor(/^.*service_account\.created.*$/m);
    expect(JSON.parse(line)).toMatchObject({ action: "service_account.created", target: { name: second }, actor: { name: sa.accountName } });
    // Its token.created follows; nothing about the first account.
    expect(tail.output().stdout).not.toContain(first);
  } finally {
    await tail.stop();
  }
  noTokenInOutput();
});

test("apply: plan, create, unchanged, update, export round trip, prune; invalid files name line and field", async ({ baseURL }) => {
  const sa = await createServiceAccountWithToken("CONTRIBUTOR");
  const { home, run, runs, noTokenInOutput } = session(baseURL, sa);
  const [a, b] = [`apply-a-${randomSuffix()}`, `apply-b-${randomSuffix()}`];
  const file = (name: string, accounts: object[]) => {
    writeFileSync(path.join(home.home, name), JSON.stringify({ serviceAccounts: accounts }));
    return name;
  };
  const accountA = { name: a, owner: sa.owner.email, role: "VIEWER", tokens: [{ name: "default", description: "first" }, { name: "reader", scopes: ["service_accounts:read"] }] };
  const accountB = { name: b, description: "plain", role: "CONTRIBUTOR" };
  file("keyhold.yaml", [accountA, accountB]);
  writeFileSync(path.join(home.home, "bad.yaml"), `serviceAccounts:\n  - name: ${a}\n    role: BOSS\n`);

  const [dry, invalid] = await Promise.all([run(["apply", "-f", "keyhold.yaml", "--dry-run"]), run(["apply", "-f", "bad.yaml"])]);
  expect(dry.code, dry.stderr).toBe(0);
  expect(dry.stdout).toContain(`+ create    ${a} (VIEWER, owner ${sa.owner.email})\n      ~ token default: description: "" → "first"\n      + token reader\n`);
  expect(dry.stdout).toContain("Plan: 2 to create, 0 to update, 0 unchanged, 0 to delete.");
  expect([invalid.code, invalid.stderr]).toEqual([2, "error: bad.yaml:3:11 serviceAccounts.0.role: Choose a role\n"]);

  const applied = await run(["apply", "-f", "keyhold.yaml", "--secrets-out", "secrets.json"]);
  expect(applied.code, applied.stderr).toBe(0);
  expect(applied.stdout).not.toMatch(TOKEN);
  const secretsFile = path.join(home.home, "secrets.json");
  expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
  const secrets = JSON.parse(readFileSync(secretsFile, "utf8")).tokens as { account: string; token: string; value: string }[];
  expect(secrets.map((s) => `${s.account}/${s.token}`).sort()).toEqual([`${a}/default`, `${a}/reader`, `${b}/default`].sort());

  const again = await run(["apply", "-f", "keyhold.yaml", "--json"]);
  expect(JSON.parse(again.stdout)).toMatchObject({ counts: { create: 0, update: 0, unchanged: 2, delete: 0 }, applied: false });

  file("keyhold.yaml", [accountA, { ...accountB, description: "changed", role: "VIEWER" }]);
  const update = await run(["apply", "-f", "keyhold.yaml"]);
  expect(update.stdout).toContain(`~ update    ${b}\n      description: "plain" → "changed"\n      role: "CONTRIBUTOR" → "VIEWER"\n`);
  expect(update.stdout).toContain("Plan: 0 to create, 1 to update, 1 unchanged, 0 to delete.");

  const exported = await run(["export", "-o", "exported.yaml"]);
  expect(exported.code, exported.stderr).toBe(0);
  const text = readFileSync(path.join(home.home, "exported.yaml"), "utf8");
  expect(text.split("\n", 1)[0]).toBe(`# yaml-language-server: $schema=${baseURL}/api/v1/schemas/keyhold.yaml.json`);
  expect(parse(text).serviceAccounts.map((x: { name: string }) => x.name).sort()).toEqual([a, b, sa.accountName].sort());
  const roundTrip = await run(["apply", "-f", "exported.yaml", "--prune", "--json"]);
  expect(JSON.parse(roundTrip.stdout).counts).toEqual({ create: 0, update: 0, unchanged: 3, delete: 0 });

  file("keyhold.yaml", [accountA]);
  const pruned = await run(["apply", "-f", "keyhold.yaml", "--prune"]);
  expect(pruned.code, pruned.stderr).toBe(0);
  expect(pruned.stdout).toContain(`- delete    ${b}\n`);
  expect(pruned.stdout).toContain("Plan: 0 to create, 0 to update, 1 unchanged, 1 to delete.");
  const names = JSON.parse((await run(["accounts", "list", "--json"])).stdout).map((x: { name: string }) => x.name);
  expect(names.sort()).toEqual([a, sa.accountName].sort());

  for (const secret of secrets) for (const r of runs) expect(r.stdout + r.stderr).not.toContain(secret.value);
  noTokenInOutput();
});

test("the provisioning file's JSON Schema is public", async ({ request }) => {
  const response = await request.get("/api/v1/schemas/keyhold.yaml.json");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual(JSON.parse(readFileSync("examples/keyhold.schema.json", "utf8")));
});
