// npm run cli:client: regenerates cli/client/api-types.ts from the OpenAPI document, and the provisioning file's
// JSON Schema in examples/ (for editors without a running Keyhold).
import { writeFileSync } from "node:fs";
import { API_TYPES_FILE, apiTypesSource, FILE_SCHEMA_FILE, fileSchemaSource } from "./cli-client-types";

writeFileSync(API_TYPES_FILE, await apiTypesSource());
writeFileSync(FILE_SCHEMA_FILE, fileSchemaSource());
console.log(`wrote ${API_TYPES_FILE} and ${FILE_SCHEMA_FILE}`);
