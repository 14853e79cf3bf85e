// Inputs for the API fuzz test (e2e/api/fuzz.spec.ts): valid values generated from the OpenAPI document's
// schemas, and the hostile ones issue 9 found (NUL and other control characters, huge numbers, tampered
// cursors, odd dates, unknown keys), for params, queries and bodies.
import fc from "fast-check";
import { resolve, type Document, type Schema } from "./json-schema";

const NUL = "\u0000";
const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values)).toString("base64url");

export const TAMPERED_CURSORS = [
  cursorOf(["", ""]),
  cursorOf(["a", "not-a-uuid"]),
  cursorOf(["1e3"]),
  cursorOf(["99999999999999999999"]),
  cursorOf(["9223372036854775808"]),
  cursorOf(["0000-01-01T00:00:00Z", "8a6e0804-2bd0-4672-b79e-d97358845ebc"]),
  cursorOf([`a${NUL}`, "8a6e0804-2bd0-4672-b79e-d97358845ebc"]),
  cursorOf([1, 2]),
  cursorOf({ id: 1 }),
  cursorOf(null),
  "!!not-base64!!",
];

export const ODD_DATES = [
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59-23:59",
  "9999-12-31T23:59:59Z",
  "1969-12-31T23:59:59Z",
  "2027-02-30T00:00:00Z",
  "2027-01-01T25:00:00Z",
  "+010000-01-01T00:00:00Z",
  "2027-01-01",
  "2027-01-01t00:00:00z",
  "2027-01-01T00:00:00+24:00",
];

export const CONTROL_TEXT = [NUL, `a${NUL}b`, `${NUL}${NUL}`, "a\u0007b", "\u001b[31mred", "tab\there", "line\nbreak", "\u007f"];
export const NUMBERS = ["99999999999999999999", "1e3", "-1", "0", "NaN", "Infinity", "9223372036854775808", "1.5"];
export const OTHER_TEXT = ["\ud800", "\u202egnp.exe", "😀", "x".repeat(300), "", " ", "null", "__proto__", "%00", "../../etc/passwd", "' OR 1=1 --", "-".repeat(36)];
export const NASTY_TEXT = [...CONTROL_TEXT, ...NUMBERS, ...OTHER_TEXT, ...ODD_DATES, ...TAMPERED_CURSORS];

// By kind, so each kind is tried often enough on every field.
const nastyText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CONTROL_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom(...TAMPERED_CURSORS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHER_TEXT) },
);
const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyText },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, 0, -1, 1.5, 1e308, 99999999999999999999, [], {}, [NUL], { [NUL]: NUL }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Valid values for fields whose schema alone cannot make them (an existing id, a user's email, a real token). */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

const futureDate = fc
  .record({ days: fc.integer({ min: 1, max: 300 }), lower: fc.boolean() })
  .map(({ days, lower }) => {
    const iso = new Date(Date.now() + days * 86_400_000).toISOString();
    return lower ? iso.toLowerCase() : iso;
  });

/** Values that conform to `schema` (as far as its keywords say). */
export function validValue(document: Document, schema: Schema, hints: Hints, name = ""): fc.Arbitrary<unknown> {
  if (hints[name]) return hints[name];
  const s = resolve(document, schema);
  if (Array.isArray(s.anyOf ?? s.oneOf)) return fc.oneof(...((s.anyOf ?? s.oneOf) as Schema[]).map((option) => validValue(document, option, hints, name)));
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if ("const" in s) return fc.constant(s.const);
  const types = [s.type ?? "any"].flat() as string[];
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue(document, { ...s, type }, hints, name)));
  switch (types[0]) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number":
      return fc.integer({ min: (s.minimum as number) ?? -1000, max: (s.maximum as number) ?? 1000 });
    case "string":
      if (s.format === "date-time") return futureDate;
      if (s.format === "uuid") return fc.uuid();
      if (typeof s.pattern === "string") {
        const [min, max] = [(s.minLength as number) ?? 0, Math.min((s.maxLength as number) ?? 40, 40)];
        return fc.stringMatching(new RegExp(s.pattern)).filter((text) => text.length >= min && text.length <= max);
      }
      return fc.string({ unit: "grapheme", minLength: (s.minLength as number) ?? 0, maxLength: Math.min((s.maxLength as number) ?? 40, 40) });
    case "array":
      return fc.array(validValue(document, s.items as Schema, hints), { maxLength: 3 });
    case "object": {
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      const record = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, validValue(document, property, hints, key)]));
      return fc.record(record, { requiredKeys: (s.required ?? []) as string[] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A JSON body: mostly valid, or valid with one field made hostile, an unknown key, a required key missing, or anything. */
export function bodyValue(document: Document, schema: Schema, hints: Hints): fc.Arbitrary<unknown> {
  const valid = validValue(document, schema, hints) as fc.Arbitrary<Record<string, unknown>>;
  // A body documented as one of several objects (anyOf/oneOf): the keys of all of them.
  const resolved = resolve(document, schema);
  const options = ((resolved.anyOf ?? resolved.oneOf ?? [resolved]) as Schema[]).map((option) => resolve(document, option));
  const keys = [...new Set(options.flatMap((option) => Object.keys((option.properties ?? {}) as object)))];
  // A body with no named fields (the leak report's array, an empty object): valid, or anything.
  if (keys.length === 0) return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: nastyJson });
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 4, arbitrary: fc.tuple(valid, fc.constantFrom(...keys), nastyJson).map(([body, key, value]) => ({ ...body, [key]: value })) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor")), nastyJson).map(([body, key, value]) => ({ ...body, [key || "extra"]: value })) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.constantFrom(...keys)).map(([body, key]) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key))) },
    { weight: 1, arbitrary: nastyJson },
  );
}

/**
 * The hostile values aimed at one field: control characters always, and what its kind invites (tampered
 * cursors for a cursor, odd dates for a date, huge numbers for a number, anything odd for an id).
 */
export function hostileFor(document: Document, schema: Schema, name: string): string[] {
  const s = resolve(document, schema);
  const types = [s.type].flat();
  const kind =
    name === "cursor" ? TAMPERED_CURSORS
    : s.format === "date-time" ? ODD_DATES
    : types.includes("integer") || types.includes("number") ? NUMBERS
    : s.format === "uuid" || name === "id" ? [...NUMBERS, ...OTHER_TEXT]
    : ["", "x".repeat(300), "\ud800", "99999999999999999999"];
  return [...CONTROL_TEXT, ...kind];
}

const hostileValue = (document: Document, schema: Schema, name: string) => fc.oneof(nastyText, fc.constantFrom(...hostileFor(document, schema, name)));

/** A path parameter: a valid value (as text), or a hostile one. */
export function paramValue(document: Document, schema: Schema, hints: Hints, name: string): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: validText(document, schema, hints, name) }, { weight: 2, arbitrary: hostileValue(document, schema, name) });
}

const validText = (document: Document, schema: Schema, hints: Hints, name: string) =>
  validValue(document, schema, hints, name).map((value) => (typeof value === "string" ? value : JSON.stringify(value)));

/** `arbitrary` once in `weight + 1` draws, undefined otherwise. */
export const rarely = <T>(arbitrary: fc.Arbitrary<T>, weight: number) =>
  fc.oneof({ weight, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arbitrary });

/**
 * A query: valid values for some parameters, then (two times in three) one parameter made hostile, so the
 * hostile value is the only thing wrong and reaches as far as it can; now and then an unknown parameter.
 */
export function queryValue(document: Document, parameters: { name: string; schema: Schema }[], hints: Hints): fc.Arbitrary<[string, string][]> {
  if (!parameters.length) return rarely(fc.tuple(fc.string({ maxLength: 8 }), nastyText), 3).map((extra) => (extra ? [extra] : []));
  return fc
    .record({
      valid: fc.tuple(...parameters.map((p) => rarely(validText(document, p.schema, hints, p.name), 1).map((value) => [p.name, value] as const))),
      hostile: rarely(fc.oneof(...parameters.map((p) => fc.tuple(fc.constant(p.name), hostileValue(document, p.schema, p.name)))), 1),
      unknown: rarely(fc.tuple(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "constructor", "a[b]", "a.b")), fc.string({ maxLength: 8 })), 7),
    })
    .map(({ valid, hostile, unknown }) => {
      const entries = valid.filter((entry): entry is readonly [string, string] => entry[1] !== undefined && entry[0] !== hostile?.[0]);
      return [...entries, ...(hostile ? [hostile] : []), ...(unknown ? [unknown] : [])].map(([k, v]) => [k, v] as [string, string]);
    });
}

/** Path segments the URL parser itself chokes on: bad percent-encoding, over-long ids. */
export const RAW_PATH_SEGMENTS = ["%E0%A4%A", "%", "%zz", "a".repeat(101), "%00", "..%2F..%2Fhealth"];
