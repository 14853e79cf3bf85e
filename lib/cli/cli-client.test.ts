import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseKeyholdFile } from "../provisioning/parse-file";
import { API_TYPES_FILE, apiTypesSource, FILE_SCHEMA_FILE, fileSchemaSource } from "./cli-client-types";

// The CLI's generated client and the published file schema follow the API: a route or schema change without
// `npm run cli:client` fails here.

describe("the keyhold CLI's generated files", () => {
  it("cli/client/api-types.ts is what the OpenAPI document generates", async () => {
    expect(readFileSync(API_TYPES_FILE, "utf8"), "run npm run cli:client").toBe(await apiTypesSource());
  });

  it("examples/keyhold.schema.json is the provisioning file's schema", () => {
    expect(readFileSync(FILE_SCHEMA_FILE, "utf8"), "run npm run cli:client").toBe(fileSchemaSource());
  });

  it("examples/keyhold.yaml is a valid provisioning file", () => {
    const parsed = parseKeyholdFile(readFileSync("examples/keyhold.yaml", "utf8"));
    expect(parsed.ok && parsed.file.serviceAccounts.map((a) => a.name)).toEqual(["ci-deploy", "metrics-reader"]);
  });
});
