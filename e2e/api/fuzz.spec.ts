// Issue 9 §2, "no input gives a 500": a property-based fuzz of every operation in openapi.json, against the
// running server. Valid and hostile params, queries and bodies (fast-check, fixed seed); each answer must be
// below 500, within 2 s, and match its documented schema (2xx) or the error schema (everything else).
import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { createUser, type SeededUser } from "../support/db";
import type { Hints } from "../support/fuzz-inputs";
import { randomRequests, sweepRequests, type FuzzRequest } from "../support/fuzz-requests";
import { violations, type Document, type Operation, type Schema } from "../support/json-schema";
import { createServiceAccountWithToken, type SaRole } from "../support/tokens";

const SEED = 20261130;
const RUNS_PER_OPERATION = 200;
const MAX_MS = 2_000;
// The e2e server allows 60 requests a minute per token (playwright.config.ts): each token serves 50.
const USES_PER_TOKEN = 50;
const METHOD_ORDER = ["get", "post", "patch", "delete"];

/** Tokens of each role, a fresh one whenever the last has served its share of the rate limit. */
function tokenPool(owner: SeededUser) {
  const current = new Map<SaRole, { value: string; uses: number }>();
  return async (role: SaRole) => {
    let token = current.get(role);
    if (!token || token.uses >= USES_PER_TOKEN) {
      token = { value: (await createServiceAccountWithToken(role, { owner })).value, uses: 0 };
      current.set(role, token);
    }
    token.uses += 1;
    return token.value;
  };
}

// The role an operation needs to get past the guard (refusals are covered by the roles specs).
const roleFor = (path: string): SaRole => (path.includes("audit-events") ? "AUDITOR" : path.includes("introspect") ? "INTROSPECTOR" : "ADMIN");

test("fuzz: no operation in openapi.json answers 5xx, hangs, or leaves its documented shapes", async ({ request }) => {
  test.setTimeout(420_000); // grows with the operations documented
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as Document;
  const errorSchema = document.components!.schemas!.Error!;
  const owner = await createUser({ role: "CONTRIBUTOR" });
  const takeToken = tokenPool(owner);
  const ids: string[] = [];
  const hints = await seedHints(request, owner, takeToken, ids);

  const operations = Object.entries(document.paths)
    .flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })))
    .sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
  let sent = 0;
  const statuses: Record<string, Record<number, number>> = {};
  const slowest = { ms: 0, what: "" };

  for (const { path, method, operation } of operations) {
    const exercise = async (input: FuzzRequest) => {
      const query = new URLSearchParams(input.query).toString();
      const url = path.replace("{id}", input.segment) + (query ? `?${query}` : "");
      const headers: Record<string, string> = {};
      if (input.auth === "token") headers.Authorization = `Bearer ${await takeToken(roleFor(path))}`;
      if (input.auth === "garbage") headers.Authorization = "Bearer kh_not-a-token";
      const hasBody = operation.requestBody !== undefined;
      if (hasBody) headers["Content-Type"] = "application/json";
      const data = hasBody ? Buffer.from(input.rawBody ?? JSON.stringify(input.body) ?? "") : undefined;
      const what = `${method.toUpperCase()} ${url} ${data ? data.toString().slice(0, 300) : ""}`;

      const started = performance.now();
      const response = await request.fetch(url, { method, headers, data, timeout: MAX_MS * 2, maxRedirects: 0 });
      const text = await response.text();
      const ms = performance.now() - started;
      sent += 1;
      if (ms > slowest.ms) Object.assign(slowest, { ms, what });
      const status = response.status();
      const tally = (statuses[`${method.toUpperCase()} ${path}`] ??= {});
      tally[status] = (tally[status] ?? 0) + 1;
      if (status >= 500) throw new Error(`${status} for ${what}: ${text.slice(0, 500)}`);
      if (ms > MAX_MS) throw new Error(`${Math.round(ms)} ms for ${what}`);
      if (status === 201) ids.push(...createdIds(JSON.parse(text)));
      const problems = answerViolations(document, operation, errorSchema, status, response.headers()["content-type"] ?? "", text);
      if (problems.length) throw new Error(`${status} for ${what} leaves its documented shape:\n${problems.slice(0, 5).join("\n")}`);
    };
    for (const input of sweepRequests(document, operation, hints, { seed: SEED, id: ids[0]! })) await exercise(input);
    await fc.assert(fc.asyncProperty(randomRequests(document, operation, hints), exercise), { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true });
  }

  console.log(`fuzz: ${sent} requests over ${operations.length} operations (seed ${SEED}); slowest ${Math.round(slowest.ms)} ms: ${slowest.what.slice(0, 120)}`);
  for (const [operation, tally] of Object.entries(statuses)) console.log(`  ${operation}: ${JSON.stringify(tally)}`);
  test.info().annotations.push({ type: "fuzz requests", description: String(sent) });
  expect(sent).toBeGreaterThanOrEqual(operations.length * RUNS_PER_OPERATION);
});

/** A 2xx body against the operation's documented response; anything else against the error schema. */
function answerViolations(document: Document, operation: Operation, errorSchema: Schema, status: number, contentType: string, text: string): string[] {
  if (status < 200 || status >= 300) {
    if (!contentType.startsWith("application/json")) return [`error answered as ${contentType}`];
    return violations(document, errorSchema, JSON.parse(text));
  }
  const documented = operation.responses[String(status)];
  if (!documented || "$ref" in documented) return [`status ${status} is not documented`];
  if (!documented.content) return text === "" ? [] : ["a body where none is documented"];
  const type = Object.keys(documented.content).find((t) => contentType.startsWith(t));
  if (!type) return [`content type ${contentType} is not documented`];
  const schema = documented.content[type]!.schema;
  if (type === "application/x-ndjson") return text.split("\n").filter(Boolean).flatMap((line) => violations(document, schema, JSON.parse(line)));
  return violations(document, schema, JSON.parse(text));
}

/** Existing accounts, tokens, owners and real cursors, so valid inputs also reach the handlers' success paths. */
async function seedHints(request: APIRequestContext, owner: SeededUser, takeToken: (role: SaRole) => Promise<string>, ids: string[]): Promise<Hints> {
  const accounts = await Promise.all(["VIEWER", "CONTRIBUTOR", "VIEWER", "AUDITOR"].map((role) => createServiceAccountWithToken(role as SaRole, { owner })));
  ids.push(...accounts.flatMap((a) => [a.accountId, a.tokenId]));
  const cursors: string[] = [];
  for (const [path, role] of [["/api/v1/service-accounts", "ADMIN"], ["/api/v1/users", "ADMIN"], ["/api/v1/audit-events", "AUDITOR"]] as const) {
    const page = await request.get(`${path}?limit=1`, { headers: { Authorization: `Bearer ${await takeToken(role)}` } });
    const next = ((await page.json()) as { nextCursor: string | null }).nextCursor;
    if (next) cursors.push(next);
  }
  return {
    // Drawn when a request is generated, so accounts and tokens the fuzz created are read, changed and deleted too.
    id: fc.oneof({ weight: 4, arbitrary: fc.nat().map((i) => ids[i % ids.length]!) }, { weight: 1, arbitrary: fc.uuid() }),
    owner: fc.constantFrom(owner.id, owner.email, owner.email.toUpperCase()),
    token: fc.oneof(fc.constantFrom(...accounts.map((a) => a.value)), fc.string({ maxLength: 60 })),
    cursor: cursors.length ? fc.constantFrom(...cursors) : fc.string(),
  };
}

/** The ids a 201 made: a new account and its token, or a regenerated token. */
function createdIds(body: { serviceAccount?: { id: string }; token?: { id: string } }): string[] {
  return [body.serviceAccount?.id, body.token?.id].filter((id): id is string => typeof id === "string");
}
