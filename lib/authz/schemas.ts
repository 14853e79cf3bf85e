import { SCOPE_NAME } from "@/lib/auth/scopes";
import { z } from "zod";
import { isIpAddress } from "@/lib/validation/cidr";
import { singleLineText } from "@/lib/validation/text";

// Request shapes of the questions other services ask (introspection's client_ip, POST /api/v1/authorize) and of
// the events they report (POST /api/v1/audit-events). Form-encoded or JSON; every field bounded.

/** The address the calling service saw the token come from: one IPv4 or IPv6 address, not a range. */
export const clientIpSchema = singleLineText()
  .max(64, "At most 64 characters")
  .refine(isIpAddress, "Must be an IPv4 or IPv6 address, e.g. 203.0.113.7 or 2001:db8::1")
  .describe("The address the calling service saw the token come from: a token whose allowed ranges exclude it is inactive");

const MAX_SCOPES = 20;
export const requestedScopesSchema = singleLineText()
  .max(1300)
  .transform((text) => text.split(" ").filter(Boolean))
  .refine((scopes) => scopes.length <= MAX_SCOPES, `At most ${MAX_SCOPES} scopes`)
  .refine((scopes) => scopes.every((scope) => SCOPE_NAME.test(scope)), "Scopes are space-separated names such as deploy:write (lower-case letters, digits, : . _ -)")
  .describe("Space-separated scopes the token must all carry");

const name = (what: string) => singleLineText().trim().min(1, `Name the ${what}`).max(64, "At most 64 characters");
export const authorizeResourceSchema = z.strictObject({
  type: name("resource type").describe("The resource type, e.g. application"),
  identifier: name("resource").describe("The resource's name, e.g. checkout"),
  privilege: name("privilege").describe("A role of that type, e.g. developer: a grant of it or of a role after it in the type's ordered roles satisfies it"),
});

/** POST /api/v1/authorize as JSON. */
export const authorizeJsonBody = z.strictObject({
  token: singleLineText().max(200).describe("The token to decide about"),
  scope: requestedScopesSchema.optional(),
  resource: authorizeResourceSchema.optional(),
  client_ip: clientIpSchema.optional(),
});

const RESOURCE_FIELDS = ["type", "identifier", "privilege"] as const;
/** The same form-encoded: the resource as `resource[type]`, `resource[identifier]`, `resource[privilege]`. */
export const authorizeFormBody = z.strictObject({
  token: authorizeJsonBody.shape.token,
  scope: z.string().optional().describe("Space-separated scopes the token must all carry"),
  ...Object.fromEntries(RESOURCE_FIELDS.map((field) => [`resource[${field}]`, z.string().optional()])),
  client_ip: z.string().optional().describe("The address the calling service saw the token come from"),
});

/** A form field named resource[…] → its field of `resource`. */
const FORM_RESOURCE_FIELDS = new Map<string, string>(RESOURCE_FIELDS.map((field) => [`resource[${field}]`, field]));

/**
 * Either shape: form fields named resource[…] are gathered into `resource` first (a strict object after that).
 * One pass that builds a new object, without spreading or deleting: this runs on every authorize call (bench:api).
 */
export const authorizeBody = z.preprocess((body) => {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  const fields: [string, unknown][] = [];
  let resource: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(body)) {
    const field = FORM_RESOURCE_FIELDS.get(key);
    if (field) (resource ??= { type: undefined, identifier: undefined, privilege: undefined })[field] = value;
    else fields.push([key, value]);
  }
  if (resource) fields.push(["resource", resource]);
  // fromEntries defines each key as the object's own: an assignment to "__proto__" would set its prototype instead.
  return Object.fromEntries(fields);
}, authorizeJsonBody);
export type AuthorizeInput = z.output<typeof authorizeJsonBody>;

/** RFC 9396 §2: one object per resource the account holds a role on. */
export const authorizationDetailSchema = z.object({
  type: z.string().describe("The resource type, e.g. application"),
  identifier: z.string().describe("The resource, e.g. checkout"),
  privileges: z.array(z.string()).describe("The role granted on it, e.g. developer (it includes the type's roles listed before it)"),
});
