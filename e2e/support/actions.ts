// Calls server actions the way an attacker would: a hand-made POST, no UI. Server actions are public HTTP
// endpoints, so the tests that matter are the ones that skip the buttons the UI hides.
import { readFileSync } from "node:fs";
import path from "node:path";
import { test, type APIRequestContext, type APIResponse } from "@playwright/test";

type ServerReferenceManifest = { node: Record<string, { filename: string; exportedName: string }> };

let manifest: ServerReferenceManifest | undefined;

/** The id the production build gave an exported server action (from .next, which the web server serves). */
export function actionId(file: string, exportedName: string): string {
  manifest ??= JSON.parse(
    readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8"),
  ) as ServerReferenceManifest;
  const entry = Object.entries(manifest.node).find(([, a]) => a.filename === file && a.exportedName === exportedName);
  if (!entry) throw new Error(`No server action ${exportedName} in ${file}: is the build current?`);
  return entry[0];
}

export const USER_ACTIONS = "lib/users/actions.ts";

export type CalledAction = { response: APIResponse; body: string };

/**
 * POSTs a server action to `pagePath` with `args` (its argument list). The body is Next's RSC stream; the
 * action's return value appears in it as JSON, which is what the tests look for.
 */
export async function callAction(
  request: APIRequestContext,
  pagePath: string,
  id: string,
  args: unknown[],
  headers: Record<string, string> = {},
): Promise<CalledAction> {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error("No baseURL in the Playwright config");
  const response = await request.post(pagePath, {
    headers: {
      "Next-Action": id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: baseURL,
      ...headers,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { response, body: await response.text() };
}

/** The action's result as returned to the client: `{ ok, data | error }`, parsed out of the RSC stream. */
export function actionResult(body: string): { ok: boolean; data?: unknown; error?: { code: string; message: string } } {
  const line = body.split("\n").find((l) => /^\d+:\{"ok":/.test(l));
  if (!line) throw new Error(`No action result in the response:\n${body.slice(0, 500)}`);
  return JSON.parse(line.slice(line.indexOf(":") + 1));
}
