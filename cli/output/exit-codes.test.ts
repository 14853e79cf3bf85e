import { describe, expect, it } from "vitest";
import { API_ERROR_CODES } from "@/lib/api/api-error";
import { describeApiError, EXIT, exitCodeOf, toCliError } from "./exit-codes";

describe("the CLI's exit codes", () => {
  it("maps every API error code (README: 0 ok, 1 error, 2 usage, 3 not found, 4 forbidden, 5 conflict)", () => {
    const mapped = Object.fromEntries(API_ERROR_CODES.map((code) => [code, exitCodeOf(code)]));
    expect(mapped).toEqual({
      bad_request: EXIT.usage,
      malformed_json: EXIT.usage,
      unauthenticated: EXIT.forbidden,
      forbidden: EXIT.forbidden,
      insufficient_scope: EXIT.forbidden,
      not_found: EXIT.notFound,
      method_not_allowed: EXIT.error,
      conflict: EXIT.conflict,
      payload_too_large: EXIT.error,
      unsupported_media_type: EXIT.error,
      validation: EXIT.usage,
      invalid_cursor: EXIT.usage,
      rate_limited: EXIT.error,
      internal: EXIT.error,
      unavailable: EXIT.error,
    });
  });

  it("prints the code, the message and each field error", () => {
    expect(describeApiError({ code: "validation", message: "Check the fields.", details: { fieldErrors: { role: ["Choose a role"] }, formErrors: ["Unknown field colour"] } })).toEqual([
      "error: validation: Check the fields.",
      "  role: Choose a role",
      "  Unknown field colour",
    ]);
  });

  it("turns an unreachable server into a message about the URL", () => {
    const error = toCliError(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }));
    expect(error.exitCode).toBe(EXIT.error);
    expect(error.message).toMatch(/cannot reach Keyhold.*KEYHOLD_URL/);
  });
});
