// A small JSON Schema (2020-12, as OpenAPI 3.1 uses it) checker for the fuzz test: the keywords the API's
// generated document uses, and only those, so a response is checked against what openapi.json says.

export type Schema = { [keyword: string]: unknown };
export type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };
export type Operation = {
  parameters?: { name: string; in: "path" | "query"; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> } | { $ref: string }>;
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function resolve(document: Document, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = ref.replace("#/components/schemas/", "");
  const found = document.components?.schemas?.[name];
  if (!found) throw new Error(`openapi.json: no schema ${ref}`);
  return resolve(document, found);
}

const typeOf = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;

/** The ways `value` breaks `schema`, as "path: problem" lines (none: it conforms). */
export function violations(document: Document, schema: Schema, value: unknown, path = "$"): string[] {
  const s = resolve(document, schema);
  const problems: string[] = [];
  const fail = (problem: string) => problems.push(`${path}: ${problem} (got ${JSON.stringify(value)?.slice(0, 120)})`);
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = s[key] as Schema[] | undefined;
    if (options && !options.some((option) => violations(document, option, value, path).length === 0)) fail(`matches none of ${key}`);
  }
  if (s.enum && !(s.enum as unknown[]).includes(value)) fail(`not one of ${JSON.stringify(s.enum)}`);
  if ("const" in s && s.const !== value) fail(`not ${JSON.stringify(s.const)}`);
  if (s.type !== undefined) {
    const types = [s.type].flat() as string[];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === "integer" && types.includes("number"))) return [...problems, `${path}: type ${actual}, expected ${types.join("|")}`];
  }
  if (typeof value === "string") {
    if (s.format === "date-time" && !(DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))) fail("not an RFC 3339 date-time");
    if (s.format === "uuid" && !UUID.test(value)) fail("not a uuid");
    if (typeof s.pattern === "string" && !new RegExp(s.pattern).test(value)) fail(`does not match ${s.pattern}`);
    if (typeof s.minLength === "number" && value.length < s.minLength) fail(`shorter than ${s.minLength}`);
    if (typeof s.maxLength === "number" && value.length > s.maxLength) fail(`longer than ${s.maxLength}`);
  }
  if (typeof value === "number") {
    if (typeof s.minimum === "number" && value < s.minimum) fail(`below ${s.minimum}`);
    if (typeof s.maximum === "number" && value > s.maximum) fail(`above ${s.maximum}`);
  }
  if (Array.isArray(value) && s.items) value.forEach((item, i) => problems.push(...violations(document, s.items as Schema, item, `${path}[${i}]`)));
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const key of (s.required ?? []) as string[]) if (!(key in object)) fail(`misses ${key}`);
    for (const [key, item] of Object.entries(object)) {
      if (properties[key]) problems.push(...violations(document, properties[key], item, `${path}.${key}`));
      else if (s.additionalProperties === false) fail(`has undocumented ${key}`);
      else if (typeof s.additionalProperties === "object") problems.push(...violations(document, s.additionalProperties as Schema, item, `${path}.${key}`));
    }
  }
  return problems;
}
