#!/usr/bin/env node
// The `keyhold` command (package.json "bin"): registers tsx (a runtime dependency) with this package's
// tsconfig, so it runs from any directory, then runs the TypeScript entry.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
const { main } = await import("../main.ts");
process.exitCode = await main(process.argv);
