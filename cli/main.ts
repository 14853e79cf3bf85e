import { Command, CommanderError, Option } from "commander";
import { registerAccounts } from "./commands/accounts";
import { registerAudit } from "./commands/audit";
import { registerAuth } from "./commands/auth";
import { registerCatalog } from "./commands/catalog";
import { registerProvisioning } from "./commands/provisioning";
import { registerTokens } from "./commands/tokens";
import { describeApiError, EXIT, toCliError } from "./output/exit-codes";
import { FORMATS } from "./output/print";

// The keyhold CLI (README "CLI"): a product surface over the REST API, through the generated client only.

export function program(): Command {
  const keyhold = new Command("keyhold")
    .description("Keyhold's service accounts, tokens and audit log from the command line.\nAuth: KEYHOLD_URL and KEYHOLD_TOKEN, or keyhold login.")
    .version("0.1.0")
    .option("--json", "print JSON (the API's shapes)")
    .addOption(new Option("--output <format>", "table, json or yaml").choices(FORMATS))
    .showHelpAfterError()
    .exitOverride()
    .addHelpText("after", "\nExit codes: 0 ok, 1 error, 2 usage, 3 not found, 4 forbidden, 5 conflict.\n\nExamples:\n  $ keyhold login --url http://127.0.0.1:3000\n  $ keyhold accounts list\n  $ keyhold apply -f keyhold.yaml --dry-run\n");
  registerAuth(keyhold);
  registerAccounts(keyhold);
  registerTokens(keyhold);
  registerCatalog(keyhold);
  registerAudit(keyhold);
  registerProvisioning(keyhold);
  // Subcommands share the root's overrides (usage errors exit 2, not commander's 1).
  const each = (command: Command) => {
    command.exitOverride();
    command.commands.forEach(each);
  };
  keyhold.commands.forEach(each);
  return keyhold;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const failure = toCliError(error);
    process.stderr.write(`${(failure.api ? describeApiError(failure.api) : [`error: ${failure.message}`]).join("\n")}\n`);
    return failure.exitCode;
  }
}
