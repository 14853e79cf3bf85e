import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/lists/cursor";
import { parseSearchParams } from "@/lib/lists/list-params";
import { auditPageSchema } from "@/lib/audit/schemas";
import { findServiceAccountsSchema, regenerateTokenSchema } from "@/lib/service-accounts/schemas";
import { boundedDateTime, toIsoDateTime } from "./dates";
import { int64Id } from "./ids";
import { multiLineText, singleLineText } from "./text";

const NUL = "\u0000";

describe("text", () => {
  it("refuses NUL and every other control character; multi-line text keeps tab and line breaks", () => {
    const line = singleLineText().trim().max(100);
    const lines = multiLineText().trim().max(100);
    for (const bad of [`a${NUL}b`, "a\u0007b", "a\u001bb", "a\u007fb", "a\tb", "a\nb"]) expect(line.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    for (const bad of [`a${NUL}b`, "a\u0008b", "a\u000bb", "a\u001fb", "a\u007fb"]) expect(lines.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(line.parse("  ünïcødé ✓ ")).toBe("ünïcødé ✓");
    expect(lines.parse("one\r\n\ttwo")).toBe("one\r\n\ttwo");
  });
});

describe("boundedDateTime", () => {
  const date = boundedDateTime();
  it("accepts RFC 3339 with lower-case t and z, upper-casing it", () => {
    expect(date.parse("2027-01-31t12:00:00z")).toBe("2027-01-31T12:00:00Z");
    expect(date.parse("2027-01-31T12:00:00.123+05:30")).toBe("2027-01-31T12:00:00.123+05:30");
  });
  it("refuses dates outside 1970–9999 (offset applied), impossible days and other forms", () => {
    for (const bad of ["0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "9999-12-31T23:59:59-23:59", "2027-02-30T00:00:00Z", "2027-01-31", "2027-01-31T12:00Z", `2027-01-31T12:00:00Z${NUL}`, "1e3"]) {
      expect(date.safeParse(bad).success, bad).toBe(false);
    }
    expect(date.safeParse("9999-12-31T23:59:59Z").success).toBe(true);
    expect(date.safeParse("1970-01-01T00:00:00Z").success).toBe(true);
  });
  it("formats a stored date outside the bounds as the nearest bound, never as a non-RFC 3339 string", () => {
    expect(toIsoDateTime(new Date(Date.UTC(10000, 0, 1)))).toBe("9999-12-31T23:59:59.999Z");
    expect(toIsoDateTime(new Date(Date.UTC(2027, 0, 1)))).toBe("2027-01-01T00:00:00.000Z");
  });
});

describe("int64Id", () => {
  it("takes only what fits PostgreSQL's bigint", () => {
    expect(int64Id().safeParse("9223372036854775807").success).toBe(true);
    for (const bad of ["9223372036854775808", "9999999999999999999", "99999999999999999999", "-1", "1e3", "", `1${NUL}`]) expect(int64Id().safeParse(bad).success, bad).toBe(false);
  });
});

describe("cursors", () => {
  const key = z.tuple([boundedDateTime(), z.uuid()]);
  const tampered = (values: unknown) => Buffer.from(JSON.stringify(values)).toString("base64url");
  it("decode to the list's key, and anything else is invalid_cursor", () => {
    const id = "8a6e0804-2bd0-4672-b79e-d97358845ebc";
    expect(decodeCursor(encodeCursor(["2027-01-01T00:00:00.000Z", id]), key)).toEqual(["2027-01-01T00:00:00.000Z", id]);
    expect(decodeCursor(undefined, key)).toBeNull();
    for (const bad of [tampered(["", ""]), tampered(["a", "not-a-uuid"]), tampered(["1e3"]), tampered(["99999999999999999999"]), "!!!", tampered({ a: 1 })]) {
      const error = (() => {
        try {
          decodeCursor(bad, key);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error, bad).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("invalid_cursor");
    }
  });
});

describe("the console's forgiving URL parsing", () => {
  it("falls back to defaults for NUL, huge numbers, tampered ids and odd dates", () => {
    expect(parseSearchParams(findServiceAccountsSchema, { q: `a${NUL}`, page: "99999999999999999999", pageSize: "1e3", ownerId: "x" })).toMatchObject({
      q: undefined,
      page: 1,
      pageSize: 25,
      ownerId: undefined,
    });
    expect(parseSearchParams(auditPageSchema, { before: "99999999999999999999", after: "1e3", to: "0000-01-01T00:00:00Z", actor: NUL, from: "2027-01-01t00:00:00z" })).toMatchObject({
      before: undefined,
      after: undefined,
      to: undefined,
      actor: undefined,
      from: "2027-01-01T00:00:00Z",
    });
  });
});

describe("keep the previous token until", () => {
  const input = (at: string) => ({ serviceAccountId: "8a6e0804-2bd0-4672-b79e-d97358845ebc", previousToken: "keep_until" as const, previousTokenExpiresAt: at });
  it("is at most a year ahead and a real date", () => {
    expect(regenerateTokenSchema.safeParse(input(new Date(Date.now() + 364 * 86_400_000).toISOString())).success).toBe(true);
    expect(regenerateTokenSchema.safeParse(input(new Date(Date.now() + 367 * 86_400_000).toISOString())).success).toBe(false);
    expect(regenerateTokenSchema.safeParse(input("9999-12-31T23:59:59-23:59")).success).toBe(false);
  });
});
