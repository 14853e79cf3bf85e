import { z } from "zod";
import { resourceNameSchema, resourceRoleSchema, resourceTypeNameSchema } from "@/lib/resources/schemas";
import { scopeNameSchema } from "@/lib/service-accounts/token-scopes";
import { descriptionSchema, serviceAccountNameSchema, serviceAccountRoleSchema } from "@/lib/service-accounts/schemas";
import { tokenNameSchema } from "@/lib/service-accounts/token-schemas";
import { cidrSchema } from "@/lib/validation/cidr";
import { boundedDateTime } from "@/lib/validation/dates";
import { singleLineText } from "@/lib/validation/text";

// The declarative provisioning file (`keyhold apply -f keyhold.yaml`, `keyhold export`): one schema, built from the
// fields' own rules (the API checks them again), and published as JSON Schema for editors. Pure: no server code.
// A field left out is not managed: apply neither sets nor compares it (export writes every field).

export const KEYHOLD_FILE_SCHEMA_PATH = "/api/v1/schemas/keyhold.yaml.json";

const tokenSchema = z.strictObject({
  name: tokenNameSchema,
  description: descriptionSchema.optional(),
  expiresAt: boundedDateTime().nullable().optional().describe("When the token expires (RFC 3339); null or absent: never. Set when the token is created; apply never re-issues a token"),
  scopes: z.array(scopeNameSchema).min(1).max(50).nullable().optional().describe("null or absent: full access of the account's role; an existing token's scopes can only narrow"),
  allowedIps: z.array(cidrSchema).max(50).optional().describe("IPv4/IPv6 addresses or CIDR ranges; empty: anywhere"),
});

const grantSchema = z.strictObject({
  type: resourceTypeNameSchema.describe("A resource type, e.g. application"),
  resource: resourceNameSchema.describe("A resource of that type, e.g. checkout"),
  role: resourceRoleSchema.describe("One of the type's roles, e.g. developer"),
});

const serviceAccountSchema = z
  .strictObject({
    name: serviceAccountNameSchema.describe("Unique: apply matches accounts by name"),
    description: descriptionSchema.optional(),
    owner: singleLineText().trim().toLowerCase().pipe(z.email("Enter the owner's email")).optional().describe("The owning user's email; absent: the caller's owner on create, unmanaged after"),
    role: serviceAccountRoleSchema,
    tokens: z.array(tokenSchema).max(50).optional().describe("Tokens by Token ID; absent: the account's tokens are not managed. A new account's first token is `default`"),
    grants: z.array(grantSchema).max(200).optional().describe("Every grant of the account (replacing all); absent: not managed"),
  })
  .superRefine((account, ctx) => {
    const seen = new Set<string>();
    account.tokens?.forEach((token, i) => {
      const key = token.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["tokens", i, "name"], message: `Token ID ${token.name} is listed twice` });
      seen.add(key);
    });
  });

export const keyholdFileSchema = z
  .strictObject({ serviceAccounts: z.array(serviceAccountSchema).max(10_000).default([]) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.serviceAccounts.forEach((account, i) => {
      if (seen.has(account.name)) ctx.addIssue({ code: "custom", path: ["serviceAccounts", i, "name"], message: `${account.name} is listed twice` });
      seen.add(account.name);
    });
  })
  .meta({ title: "Keyhold provisioning file", description: "Service accounts, their tokens and grants, as `keyhold apply` reads and `keyhold export` writes them" });

export type KeyholdFile = z.output<typeof keyholdFileSchema>;
export type DeclaredAccount = KeyholdFile["serviceAccounts"][number];
export type DeclaredToken = NonNullable<DeclaredAccount["tokens"]>[number];
export type Grant = z.output<typeof grantSchema>;

/** The JSON Schema editors validate the file with (served at KEYHOLD_FILE_SCHEMA_PATH, and in examples/). */
export function keyholdFileJsonSchema() {
  return z.toJSONSchema(keyholdFileSchema, { io: "input", target: "draft-2020-12", unrepresentable: "any" });
}
