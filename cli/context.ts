import type { Command } from "commander";
import { apiClient, type ApiClient } from "./client/api";
import { resolveCredentials } from "./config/credentials";
import type { OutputOptions } from "./output/print";

/** What a command's action needs: its options with the global ones (--json, --output), and the API client. */
export function context<O>(command: Command): { options: O & OutputOptions; api: () => ApiClient } {
  return { options: command.optsWithGlobals<O & OutputOptions>(), api: () => apiClient(resolveCredentials()) };
}

/** `--help` text after the options: an example or two. */
export const examples = (...lines: string[]) => `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;
