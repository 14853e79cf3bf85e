// The per-token rate limit across server processes on one database (issue 10 §4): the web server the suite
// runs (limit 60/min) plus other instances started here with the same settings.
import { expect, test } from "@playwright/test";
import config, { E2E_API_RATE_LIMIT } from "../../playwright.config";
import { startAppInstances, type AppInstances } from "../../lib/testing/app-instances";
import { burst } from "../support/burst";
import { createServiceAccountWithToken } from "../support/tokens";

const serverEnv = (config.webServer as { env: Record<string, string> }).env;
let second: AppInstances;
let at600: AppInstances;

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // A second instance like the suite's server, and a third with the default limit (600/min).
  [second, at600] = await Promise.all([startAppInstances(1, serverEnv), startAppInstances(1, { ...serverEnv, KEYHOLD_API_RATE_LIMIT: "600" })]);
});
test.afterAll(async () => Promise.all([second?.stop(), at600?.stop()]));

test("two instances at 60/min with 64 concurrent clients each serve at most the limit", async ({ baseURL }) => {
  const { value } = await createServiceAccountWithToken("VIEWER");
  const statuses = await burst([`${baseURL}/api/v1/whoami`, `${second.urls[0]}/api/v1/whoami`], value, 64, 4);
  expect(Object.keys(statuses).sort()).toEqual(["200", "429"]);
  // The bound is 10% over the limit; the reservations hold it exactly (and leave none unused here).
  expect(statuses[200]).toBeLessThanOrEqual(E2E_API_RATE_LIMIT);
  expect(statuses[200]).toBeGreaterThanOrEqual(E2E_API_RATE_LIMIT - 2);
});

test("one instance at 600/min under a burst of 64 clients serves at most 600", async () => {
  const { value } = await createServiceAccountWithToken("VIEWER");
  const statuses = await burst([`${at600.urls[0]}/api/v1/whoami`], value, 64, 12);
  expect(statuses[200]).toBeLessThanOrEqual(600);
  // At most chunk − 1 = 5 reserved points go unused on the one instance.
  expect(statuses[200]).toBeGreaterThanOrEqual(595);
  expect(statuses[429]).toBe(64 * 12 - statuses[200]!);
});
