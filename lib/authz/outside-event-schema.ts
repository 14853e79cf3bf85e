import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";

// An outside event (§6): what a token did in another service, reported by that service. Everything bounded,
// no control characters anywhere (names, ids, metadata keys and strings), so the audit log, its CSV export and
// the console show exactly what is stored.

const SEGMENT = "[a-z][a-z0-9_-]{0,39}";
/** `ext.<service>.<verb>`: lower-case segments of at most 40 characters. */
export const OUTSIDE_ACTION = new RegExp(`^ext\\.${SEGMENT}\\.${SEGMENT}$`);
export const outsideActionSchema = z
  .string()
  .max(90)
  .regex(OUTSIDE_ACTION, "Name it ext.<service>.<verb>: lower-case letters, digits, _ and - (each part at most 40, starting with a letter), e.g. ext.deployer.released")
  .describe("ext.<service>.<verb>, e.g. ext.deployer.released") as z.ZodType<`ext.${string}`, string>;

export const MAX_METADATA_BYTES = 4096;
const MAX_DEPTH = 5;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why a JSON value is not acceptable metadata, or null. */
function metadataProblem(value: unknown, depth = 0): string | null {
  if (depth > MAX_DEPTH) return `Nested at most ${MAX_DEPTH} levels deep`;
  if (typeof value === "string") return CONTROL.test(value) ? "Strings must not contain control characters" : null;
  if (typeof value === "number") return Number.isFinite(value) ? null : "Numbers must be finite";
  if (value === null || typeof value === "boolean") return null;
  if (Array.isArray(value)) return value.map((item) => metadataProblem(item, depth + 1)).find(Boolean) ?? null;
  if (typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (CONTROL.test(key)) return "Keys must not contain control characters";
      const problem = metadataProblem(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  return "Only JSON values";
}

export const outsideMetadataSchema = z
  .record(z.string().max(64, "Keys of at most 64 characters"), z.unknown())
  .superRefine((value, ctx) => {
    const problem = metadataProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    else if (Buffer.byteLength(JSON.stringify(value)) > MAX_METADATA_BYTES) ctx.addIssue({ code: "custom", message: `At most ${MAX_METADATA_BYTES} bytes as JSON` });
  })
  .describe(`A JSON object of at most ${MAX_METADATA_BYTES} bytes, ${MAX_DEPTH} levels deep, without control characters`);

export const reportOutsideEventBody = z
  .strictObject({
    token: singleLineText().max(200).optional().describe("The token that acted (its value, as the service received it): it must be active"),
    tokenId: z.uuid().optional().describe("Or the token's id (jti in introspection): any token Keyhold still holds, revoked or expired included"),
    action: outsideActionSchema,
    target: z
      .strictObject({
        type: singleLineText().trim().min(1).max(64),
        id: singleLineText().trim().min(1).max(200),
        name: singleLineText().trim().max(200).optional(),
      })
      .optional()
      .describe("What it acted on, in the reporting service's terms"),
    result: z.enum(["success", "failure", "denied"]),
    metadata: outsideMetadataSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.token === undefined) === (body.tokenId === undefined)) {
      ctx.addIssue({ code: "custom", path: [body.token === undefined ? "token" : "tokenId"], message: "Send exactly one of token and tokenId" });
    }
  });
export type ReportOutsideEventInput = z.output<typeof reportOutsideEventBody>;
