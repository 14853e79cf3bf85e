import type { Command } from "commander";
import { apiClient, call } from "../client/api";
import { credentialsFile, normaliseUrl, removeCredentials, storeCredentials } from "../config/credentials";
import { context, examples } from "../context";
import { CliError, EXIT } from "../output/exit-codes";
import { fieldsTable, print } from "../output/print";

/** login, logout, whoami. */
export function registerAuth(program: Command) {
  program
    .command("login")
    .description("Store a Keyhold URL and API token (read from a hidden prompt, or stdin) after checking them")
    .requiredOption("--url <url>", "Keyhold's URL, e.g. http://127.0.0.1:3000", process.env.KEYHOLD_URL)
    .addHelpText("after", examples("keyhold login --url http://127.0.0.1:3000", "printf %s \"$TOKEN\" | keyhold login --url https://keyhold.example.com"))
    .action(async (options: { url: string }) => {
      const url = normaliseUrl(options.url);
      const token = await readToken();
      if (!token) throw new CliError("no token given", EXIT.usage);
      const me = await call(apiClient({ url, token }).GET("/api/v1/whoami"));
      const file = storeCredentials({ url, token });
      process.stderr.write(`logged in to ${url} as service account ${me.serviceAccount.name} (${me.serviceAccount.role}); credentials in ${file}\n`);
    });

  program
    .command("logout")
    .description("Forget the stored credentials (the token itself stays valid: revoke it with keyhold tokens revoke)")
    .addHelpText("after", examples("keyhold logout"))
    .action(() => {
      process.stderr.write(removeCredentials() ? `removed ${credentialsFile()}\n` : "not logged in\n");
    });

  program
    .command("whoami")
    .description("The service account and token the CLI acts as")
    .addHelpText("after", examples("keyhold whoami", "keyhold whoami --json"))
    .action(async (_options, command: Command) => {
      const { options, api } = context(command);
      const me = await call(api().GET("/api/v1/whoami"));
      print(options, me, () => fieldsTable({ account: me.serviceAccount.name, id: me.serviceAccount.id, role: me.serviceAccount.role, token: me.token.hint, "token id": me.token.id, expires: me.token.expiresAt ?? "never" }));
    });
}

/** The token from a hidden prompt on a terminal, otherwise the first line of stdin. Never an argument. */
async function readToken(): Promise<string> {
  if (process.stdin.isTTY) {
    const { default: password } = await import("@inquirer/password");
    return (await password({ message: "API token", mask: false })).trim();
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/, 1)[0]!.trim();
}
