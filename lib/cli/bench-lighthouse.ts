// npm run bench:lighthouse: Lighthouse 12 (accessibility and best practices) on the production build, with Debian's
// Chromium, on a fresh embedded database with a first owner and a few service accounts. Signed in through the
// credentials endpoint, as the login form is; the session cookies are put in the browser (puppeteer, which
// Lighthouse drives; storage is not reset between pages, so redirects keep them too). Prints
// each page's scores and every audit that failed; exits 1 below the targets (issue 12: accessibility 100,
// best practices ≥ 95). BENCH_PORT picks the port (3385); LIGHTHOUSE_PAGES="/login,/docs/api" other pages.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import type pg from "pg";
import { startBenchApp } from "../bench/app-server";
import { issueToken } from "../tokens/token-format";
import { say } from "./runtime";

const PORT = Number(process.env.BENCH_PORT ?? 3385);
const OWNER = { email: "owner@lighthouse.test", password: "lighthouse-owner-password-1" };
const PAGES = process.env.LIGHTHOUSE_PAGES?.split(",") ?? ["/login", "/", "/admin/api-tokens", "/admin/audit-log"];
const TARGETS = { accessibility: 1, "best-practices": 0.95 } as const;
const CHROMIUM = process.env.KEYHOLD_CHROMIUM ?? "/usr/bin/chromium";

/** A few accounts with tokens (one expiring soon, one unused), so the lists are not empty. */
async function seed(client: pg.Client) {
  for (const [i, role] of (["ADMIN", "CONTRIBUTOR", "VIEWER"] as const).entries()) {
    const { rows } = await client.query<{ id: string }>(`INSERT INTO "ServiceAccount" (name, role, "ownerId", "updatedAt") SELECT $1, $2, id, now() FROM "User" ORDER BY "createdAt" LIMIT 1 RETURNING id`, [`lighthouse-${role.toLowerCase()}`, role]);
    if (!rows[0]) continue; // no user yet: the server creates the owner at start
    const token = issueToken();
    const expires = i === 1 ? new Date(Date.now() + 5 * 86_400_000) : null;
    await client.query(`INSERT INTO "ApiToken" ("publicId", "serviceAccountId", "secretHash", hint, "expiresAt") VALUES ($1, $2, $3, $4, $5)`, [token.publicId, rows[0].id, token.secretHash, token.hint, expires]);
  }
}

/** Signs in as next-auth's credentials form does; returns the session's cookies. */
async function sessionCookies(url: string): Promise<Map<string, string>> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const body = new URLSearchParams({ ...OWNER, csrfToken, callbackUrl: "/" });
  const signIn = await fetch(`${url}/api/auth/callback/credentials`, { method: "POST", body, redirect: "manual", headers: { cookie: cookie() } });
  keep(signIn);
  const check = await fetch(`${url}/admin/api-tokens`, { redirect: "manual", headers: { cookie: cookie() } });
  if (check.status !== 200) throw new Error(`sign-in failed: /admin/api-tokens answered ${check.status}`);
  return jar;
}

/** One line about a failing audit's item: the element, the issue type, or the source. */
function describeItem(item: Record<string, unknown>): string {
  const node = item.node as { selector?: string } | undefined;
  const sub = (item.subItems as { items?: unknown[] } | undefined)?.items?.slice(0, 3);
  const text = node?.selector ?? item.issueType ?? item.description ?? (item.source as { url?: string } | undefined)?.url;
  return `${String(text ?? JSON.stringify(item).slice(0, 160))}${sub?.length ? `: ${JSON.stringify(sub).slice(0, 300)}` : ""}`;
}

const app = await startBenchApp("bench-lighthouse", PORT, { KEYHOLD_ADMIN_EMAIL: OWNER.email, KEYHOLD_ADMIN_PASSWORD: OWNER.password }, async () => {});
let chrome: chromeLauncher.LaunchedChrome | undefined;
let browser: Browser | undefined;
let failed = false;
try {
  await seed(app.client);
  const cookies = await sessionCookies(app.url);
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  say(`Lighthouse ${PAGES.join(", ")} at ${app.url} (mobile emulation, the default)`);
  browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  const rows: string[] = [];
  for (const page of PAGES) {
    // /login signed out (signed in, it redirects); every other page with the session.
    const tab: Page = await browser.newPage();
    const session = page === "/login" ? [] : [...cookies].map(([name, value]) => ({ name, value, url: app.url }));
    await tab.deleteCookie(...(await tab.cookies(app.url)));
    if (session.length) await tab.setCookie(...session);
    const flags = { output: "json" as const, logLevel: "error" as const, onlyCategories: Object.keys(TARGETS), disableStorageReset: true };
    const result = await lighthouse(`${app.url}${page}`, flags, undefined, tab);
    await tab.close();
    if (!result) throw new Error(`no result for ${page}`);
    const { categories, audits, finalDisplayedUrl } = result.lhr;
    const scores = Object.entries(TARGETS).map(([id, target]) => {
      const score = categories[id]?.score ?? 0;
      if (score < target) failed = true;
      return `${id} ${Math.round(score * 100)}${score < target ? ` (< ${target * 100})` : ""}`;
    });
    rows.push(`${page.padEnd(18)} ${scores.join("   ")}${finalDisplayedUrl.endsWith(page) ? "" : `   (ended at ${new URL(finalDisplayedUrl).pathname})`}`);
    const failing = Object.keys(TARGETS).flatMap((id) => categories[id]!.auditRefs.filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && audits[ref.id]!.score! < 1).map((ref) => ref.id));
    for (const id of failing) {
      const audit = audits[id]!;
      const items = ((audit.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? []).slice(0, 4);
      rows.push(`    failing: ${id} (${audit.title})${items.map((item) => `\n      ${describeItem(item)}`).join("")}`);
    }
  }
  console.log(`\n${rows.join("\n")}\n\n${failed ? "Below target." : "On target."} (targets: accessibility 100, best-practices ≥ 95)`);
} finally {
  await browser?.disconnect();
  chrome?.kill();
  await app.close();
}
process.exit(failed ? 1 : 0);
