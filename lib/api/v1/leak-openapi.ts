import type { RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { MAX_LEAK_REPORTS, leakReportsSchema } from "@/lib/leaks/leak-report-schema";
import { jsonContent } from "./openapi-components";

type PublicRoute = (config: RouteConfig & { operationId: string }) => void;
type Errors = (...statuses: number[]) => Record<string, unknown>;

const EXAMPLE = [{ token: "kh_…", url: "https://github.com/acme/app/blob/main/.env#L3", source: "acme secret scanner" }];

/** POST /api/v1/tokens/leaked (lib/api/v1/leak-route.ts): public, for secret scanners. */
export function documentLeakReports(publicRoute: PublicRoute, errors: Errors): void {
  publicRoute({
    method: "post",
    path: "/api/v1/tokens/leaked",
    operationId: "reportLeakedTokens",
    summary: "Report leaked tokens (no token needed)",
    description: `For secret scanners and anyone who finds a Keyhold token where it should not be. Every reported token that still works is revoked at once and its owner is notified. Up to ${MAX_LEAK_REPORTS} tokens per request, as a JSON array or as text/plain with one token per line. The answer is the same whatever the tokens were: 202 with the number received. Limited per client address (KEYHOLD_LEAK_REPORT_LIMIT per hour).`,
    request: {
      body: {
        required: true,
        content: {
          "application/json": { schema: leakReportsSchema, example: EXAMPLE },
          "text/plain": { schema: z.string().describe("One token per line"), example: "kh_…\nkh_…" },
        },
      },
    },
    responses: {
      202: { description: "Received", ...jsonContent(z.object({ received: z.number().int().min(1).describe("How many reports the body held") })) },
      ...errors(400, 413, 415, 422, 429),
    },
  });
}
