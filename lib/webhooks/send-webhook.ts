// One HTTP attempt: POST the signed body to the checked address, 10 s at most, redirects not followed (a 3xx is
// a failed attempt like any other non-2xx).
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import type { WebhookTarget } from "./webhook-target";

export const DELIVERY_TIMEOUT_MS = 10_000;

export type AttemptResult = { status: number | null; durationMs: number; error: string | null };

export function sendWebhook(target: WebhookTarget, headers: Record<string, string>, body: string, timeoutMs = DELIVERY_TIMEOUT_MS): Promise<AttemptResult> {
  const started = performance.now();
  const { url, address } = target;
  const secure = url.protocol === "https:";
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return new Promise((resolve) => {
    const finish = (status: number | null, error: string | null) => {
      clearTimeout(timer);
      resolve({ status, durationMs: Math.round(performance.now() - started), error });
    };
    const request = (secure ? https : http).request({
      // Connect to the address the guard checked, while the Host header and TLS name stay the URL's.
      host: address,
      family: target.family,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: "POST",
      servername: secure && !isIP(hostname) ? hostname : undefined,
      agent: false,
      headers: { ...headers, host: url.host, "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "Keyhold-Webhooks/1" },
    });
    const timer = setTimeout(() => request.destroy(new Error(`No answer within ${timeoutMs / 1000} s`)), timeoutMs);
    request.on("response", (response) => {
      response.resume(); // the body is not read: only the status counts
      response.on("end", () => finish(response.statusCode ?? null, null));
      response.on("error", (error) => finish(response.statusCode ?? null, error.message));
    });
    request.on("error", (error) => finish(null, error.message));
    request.end(body);
  });
}
