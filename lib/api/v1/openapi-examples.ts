import type { OpenAPIObject } from "openapi3-ts/oas31";

// Example values built from the document's JSON Schemas, for the API reference (/docs/api): a request body a
// caller can send as it is, and what a response looks like. Names that say what a string holds (name, email,
// allowedIps…) get a value of that kind; everything else follows the schema (const, enum, format, pattern, bounds).

type Schema = Record<string, unknown>;
const MAX_DEPTH = 8;

export const EXAMPLE_ID = "0f5b6c1e-8d2a-4c3b-9e7f-1a2b3c4d5e6f";
const EXAMPLE_TIME = "2027-01-01T00:00:00.000Z";

/** What a string field of this name holds, by name (checked against the field's pattern before use). */
const BY_NAME: Record<string, unknown> = {
  name: "ci-deploy",
  description: "Deploys from CI",
  email: "owner@example.com",
  owner: "owner@example.com",
  token: "kh_…",
  value: "kh_…",
  hint: "…x7Qa",
  scope: "service_accounts:read",
  scopes: ["service_accounts:read"],
  allowedIps: ["203.0.113.0/24"],
  client_ip: "203.0.113.7",
  ip: "203.0.113.7",
  identifier: "billing-api",
  type: "application",
  privilege: "viewer",
  action: "deploy",
  url: "https://hooks.example.com/keyhold",
};
const BY_FORMAT: Record<string, string> = {
  "date-time": EXAMPLE_TIME,
  uuid: EXAMPLE_ID,
  email: "owner@example.com",
  uri: "https://keys.example.com",
  ipv4: "203.0.113.7",
  ipv6: "2001:db8::7",
};

/** An example value of the schema, resolving `#/components/schemas/…` references in the document. */
export function exampleOf(schema: unknown, document: OpenAPIObject, key?: string, depth = 0): unknown {
  if (!schema || typeof schema !== "object" || depth > MAX_DEPTH) return null;
  const s = resolve(schema as Schema, document);
  if ("example" in s) return s.example;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if ("const" in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum.find((v) => v !== null) ?? null;
  if (key && key in BY_NAME && fits(s, BY_NAME[key])) return BY_NAME[key];
  const options = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (options) return exampleOf(richest(options, document), document, key, depth + 1);
  if (Array.isArray(s.allOf)) return Object.assign({}, ...s.allOf.map((part) => exampleOf(part, document, key, depth + 1)));
  switch (typeOf(s) ?? "string") {
    case "object":
      return Object.fromEntries(
        Object.entries((s.properties ?? {}) as Record<string, Schema>)
          .filter(([, property]) => !resolve(property, document).deprecated)
          .map(([name, property]) => [name, exampleOf(property, document, name, depth + 1)]),
      );
    case "array":
      return [exampleOf(s.items, document, key, depth + 1)];
    case "integer":
    case "number":
      return typeof s.minimum === "number" ? Math.max(s.minimum, 1) : 1;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return exampleString(s);
  }
}

function resolve(schema: Schema, document: OpenAPIObject): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/components/schemas/")) return schema;
  return (document.components?.schemas?.[ref.slice("#/components/schemas/".length)] as Schema | undefined) ?? {};
}

const typeOf = (s: Schema): string | undefined => {
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  return (type as string | undefined) ?? (s.properties ? "object" : undefined);
};

/** Of a union's options, the one that shows the most: not null, not deprecated, with the most properties. */
function richest(options: Schema[], document: OpenAPIObject): Schema {
  const shown = options.filter((o) => resolve(o, document).type !== "null" && !resolve(o, document).deprecated);
  const size = (o: Schema) => Object.keys(resolve(o, document).properties ?? {}).length;
  return shown.reduce((best, o) => (size(o) > size(best) ? o : best), shown[0] ?? options[0]!);
}

function exampleString(s: Schema): string {
  if (typeof s.format === "string" && s.format in BY_FORMAT) return BY_FORMAT[s.format]!;
  const candidates = ["example", "42", "a", EXAMPLE_ID, EXAMPLE_TIME];
  return candidates.find((c) => fits(s, c)) ?? "example";
}

/** Whether a name-based value suits the schema (a string's pattern and length; an array of such strings). */
function fits(s: Schema, value: unknown): boolean {
  if (Array.isArray(value)) return typeOf(s) === "array";
  if (typeof value !== "string" || typeOf(s) !== "string") return false;
  if (typeof s.maxLength === "number" && value.length > s.maxLength) return false;
  if (typeof s.minLength === "number" && value.length < s.minLength) return false;
  return typeof s.pattern !== "string" || new RegExp(s.pattern, "u").test(value);
}

type Media = { schema?: unknown; example?: unknown };
type Content = Record<string, Media> | undefined;

/** The JSON body to send (the media type's own example, else one built from its schema), or null without one. */
export function requestBodyExample(content: Content, document: OpenAPIObject): unknown {
  const media = content?.["application/json"];
  if (!media) return null;
  return media.example ?? exampleOf(media.schema, document);
}

/** What a response's body looks like: its first media type's example or schema; null when it has no body. */
export function responseExample(content: Content, document: OpenAPIObject): { type: string; body: unknown } | null {
  const [type, media] = Object.entries(content ?? {})[0] ?? [];
  if (!type || !media) return null;
  return { type, body: media.example ?? exampleOf(media.schema, document) };
}
