// npm run cli:client: regenerates cli/client/api-types.ts from the OpenAPI document.
import { writeFileSync } from "node:fs";
import { API_TYPES_FILE, apiTypesSource } from "./cli-client-types";

writeFileSync(API_TYPES_FILE, await apiTypesSource());
console.log(`wrote ${API_TYPES_FILE}`);
