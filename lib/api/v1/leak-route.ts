import { apiError } from "@/lib/api/api-error";
import { json, type ApiReply } from "@/lib/api/api-reply";
import { leakReportLimiter, rateLimitHeaders } from "@/lib/api/rate-limit";
import { errorFields, header, invalid, recordApiRefusal, requestMeta, unexpectedErrorReply, type ApiRequest, type ApiRoute } from "@/lib/api/route";
import { leakReportsSchema, reportsFromText } from "@/lib/leaks/leak-report-schema";
import { reportLeakedTokens } from "@/lib/leaks/report-leaked-tokens";

const PATH = "/api/v1/tokens/leaked";

/**
 * POST /api/v1/tokens/leaked: anyone who finds Keyhold tokens (a secret scanner, a colleague) reports them, with
 * no token of their own. Every reported token that still works is revoked and its owner told
 * (lib/leaks/report-leaked-tokens.ts). The answer is 202 with the count received whatever the tokens were, so
 * it is no oracle; only the body's form is checked. Limited per client address (KEYHOLD_LEAK_REPORT_LIMIT per
 * hour, shared by the instances), counted before the body is read.
 */
export const LEAK_REPORT_ROUTE: ApiRoute = {
  method: "POST",
  path: PATH,
  operationId: "reportLeakedTokens",
  tag: "Public",
  permission: null,
  handle: (request) => reportLeaks(request).catch((error: unknown) => unexpectedErrorReply(error, errorFields(request, requestMeta(request)))),
};

async function reportLeaks(request: ApiRequest): Promise<ApiReply> {
  const meta = requestMeta(request);
  const limit = await leakReportLimiter().fail(meta.ip);
  const headers = rateLimitHeaders(limit);
  if (!limit.allowed) {
    recordApiRefusal({ method: "POST", path: PATH }, meta, 429, "rate_limited");
    return apiError("rate_limited", `At most ${limit.limit} leak reports per hour from one address.`, { headers });
  }
  const body = readReports(request);
  if ("status" in body) return { ...body, headers: { ...headers, ...body.headers } };
  const parsed = leakReportsSchema.safeParse(body.value);
  if (!parsed.success) return { ...invalid(parsed.error, "The request body is invalid."), headers };
  await reportLeakedTokens(parsed.data, meta);
  return { ...json({ received: parsed.data.length }, 202), headers };
}

/** JSON (an array of reports) or text/plain (one token per line). */
function readReports(request: ApiRequest): { value: unknown } | ApiReply {
  const type = header(request, "content-type") ?? "";
  const text = request.body?.toString("utf8") ?? "";
  if (/^text\/plain\b/i.test(type)) return { value: reportsFromText(text) };
  if (!/^application\/json\b/i.test(type)) return apiError("unsupported_media_type", "Send the body as application/json or text/plain.");
  try {
    return { value: JSON.parse(text) };
  } catch {
    return apiError("malformed_json", "The request body is not valid JSON.");
  }
}
