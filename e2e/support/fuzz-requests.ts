// The requests the API fuzz test sends (e2e/api/fuzz.spec.ts): a sweep that aims every hostile value at every
// field once, then random requests (fast-check) mixing valid and hostile params, queries and bodies.
import fc from "fast-check";
import { bodyValue, CONTROL_TEXT, hostileFor, paramValue, queryValue, rarely, RAW_PATH_SEGMENTS, validValue, type Hints } from "./fuzz-inputs";
import { resolve, type Document, type Operation } from "./json-schema";

export type Auth = "token" | "none" | "garbage";
export type FuzzRequest = { segment: string; query: [string, string][]; body: unknown; rawBody: string | null; auth: Auth };

/** A path segment for an id, percent-encoded (a lone surrogate cannot be: its invalid UTF-8 is sent instead). */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}

// Bodies that are no JSON object at all.
const RAW_BODIES = ['{"name":', "", "\u0000", "[", "null", '{"a":1}{"b":2}'];
const HOSTILE_JSON: unknown[] = [null, true, 1e308, 99999999999999999999, -1, [], {}, ["\u0000"], { "\u0000": 1 }];

function shape(document: Document, operation: Operation) {
  const parameters = operation.parameters ?? [];
  return {
    idParam: parameters.find((p) => p.in === "path"),
    query: parameters.filter((p) => p.in === "query"),
    bodySchema: operation.requestBody?.content["application/json"]?.schema,
  };
}

/** Random requests: mostly valid, a hostile value here and there, sometimes no token or a bad one. */
export function randomRequests(document: Document, operation: Operation, hints: Hints): fc.Arbitrary<FuzzRequest> {
  const { idParam, query, bodySchema } = shape(document, operation);
  return fc.record({
    // Never empty: /service-accounts/ is the list, another operation.
    segment: idParam
      ? fc.oneof({ weight: 9, arbitrary: paramValue(document, idParam.schema, hints, "id").map(encodeSegment).filter(Boolean) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_PATH_SEGMENTS) })
      : fc.constant(""),
    query: queryValue(document, query, hints),
    body: bodySchema ? bodyValue(document, bodySchema, hints) : fc.constant(undefined),
    rawBody: rarely(fc.constantFrom(...RAW_BODIES), 12).map((raw) => raw ?? null),
    auth: fc.constantFrom<Auth>(...Array<Auth>(18).fill("token"), "none", "garbage"),
  });
}

/**
 * Every hostile value aimed at every field, one at a time, the rest of the request valid: the random phase
 * alone would try a given tampered cursor on a given list only now and then. `id`: an existing resource's, so
 * hostile bodies get past the 404.
 */
export function sweepRequests(document: Document, operation: Operation, hints: Hints, { seed, id }: { seed: number; id: string }): FuzzRequest[] {
  const { idParam, query, bodySchema } = shape(document, operation);
  const sample = <T>(arbitrary: fc.Arbitrary<T>): T => fc.sample(arbitrary, { seed, numRuns: 1 })[0]!;
  const segment = idParam ? id : "";
  const body = bodySchema ? (sample(validValue(document, bodySchema, hints)) as Record<string, unknown>) : undefined;
  const base: FuzzRequest = { segment, query: [], body, rawBody: null, auth: "token" };
  const requests: FuzzRequest[] = [];
  if (idParam) {
    const segments = [...hostileFor(document, idParam.schema, "id").map(encodeSegment).filter(Boolean), ...RAW_PATH_SEGMENTS];
    requests.push(...segments.map((s) => ({ ...base, segment: s })));
  }
  for (const p of query) requests.push(...hostileFor(document, p.schema, p.name).map((value) => ({ ...base, query: [[p.name, value]] as [string, string][] })));
  if (bodySchema) {
    const properties = Object.entries((resolve(document, bodySchema).properties ?? {}) as Record<string, never>);
    for (const [key, schema] of properties) {
      requests.push(...[...hostileFor(document, schema, key), ...HOSTILE_JSON].map((value) => ({ ...base, body: { ...body, [key]: value } })));
    }
    requests.push(...["__proto__", "constructor", "unknown"].map((key) => ({ ...base, body: { ...body, [key]: CONTROL_TEXT[0] } })));
    requests.push(...RAW_BODIES.map((raw) => ({ ...base, rawBody: raw })));
  }
  return requests;
}
