import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { call } from "../client/api";
import { resolveCredentials } from "../config/credentials";
import { context, examples } from "../context";
import { CliError, describeApiError, EXIT } from "../output/exit-codes";
import { formatOf, noTable, print } from "../output/print";
import type { NewSecret } from "../provisioning/apply-plan";

// The file schema (zod) and the planner load only when apply or export runs: every other command starts faster.
const provisioning = async () => {
  const [exportFile, parseFile, plan, applyPlan, loadState, printPlan] = await Promise.all([
    import("../../lib/provisioning/export-file"),
    import("../../lib/provisioning/parse-file"),
    import("../../lib/provisioning/plan"),
    import("../provisioning/apply-plan"),
    import("../provisioning/load-state"),
    import("../provisioning/print-plan"),
  ]);
  return { ...exportFile, ...parseFile, ...plan, ...applyPlan, ...loadState, ...printPlan };
};

type ApplyOptions = { file: string; dryRun?: boolean; prune?: boolean; secretsOut?: string; verbose?: boolean };

/** apply, export: declarative provisioning (README "Declarative provisioning"). */
export function registerProvisioning(program: Command) {
  program
    .command("apply")
    .description("Make Keyhold match a provisioning file: prints the plan, then applies it (idempotent)")
    .requiredOption("-f, --file <file>", "the provisioning file (YAML), e.g. keyhold.yaml")
    .option("--dry-run", "print the plan only")
    .option("--prune", "also delete accounts (and revoke tokens of managed token lists) the file does not name")
    .option("--secrets-out <file>", "write new token values to this file (mode 0600) instead of stdout")
    .option("-v, --verbose", "list unchanged accounts too")
    .addHelpText("after", examples("keyhold apply -f keyhold.yaml --dry-run", "keyhold apply -f keyhold.yaml --secrets-out secrets.json", "keyhold apply -f keyhold.yaml --prune"))
    .action(async (_o, command: Command) => {
      const { options, api } = context<ApplyOptions>(command);
      const { applyPlan, countPlan, loadState, planApply, planJson, renderPlan } = await provisioning();
      const json = formatOf(options) !== "table";
      const file = await readFile(options.file);
      const client = api();
      const me = await call(client.GET("/api/v1/whoami"));
      const declared = new Map(file.serviceAccounts.map((account) => [account.name, account]));
      const state = await loadState(client, (name) => ({ tokens: Boolean(declared.get(name)?.tokens), grants: Boolean(declared.get(name)?.grants) }), { tokens: file.serviceAccounts.some((account) => account.tokens) });
      const plan = planApply(file, state, { prune: Boolean(options.prune), keep: me.serviceAccount.id });
      if (!json) process.stdout.write(renderPlan(plan, { verbose: Boolean(options.verbose) }));
      const counts = countPlan(plan);
      if (options.dryRun || counts.create + counts.update + counts.delete === 0) {
        if (json) print(options, { ...planJson(plan), applied: false }, noTable);
        return;
      }
      const result = await applyPlan(client, plan);
      const secretsFile = options.secretsOut ? writeSecrets(options.secretsOut, result.secrets) : null;
      const failures = result.failures.map(({ account, error }) => ({ account, message: error.message, error: error.api ?? null }));
      if (json) print(options, { ...planJson(plan), applied: true, failures, ...(secretsFile ? {} : { secrets: result.secrets }) }, noTable);
      else if (!secretsFile && result.secrets.length) for (const secret of result.secrets) process.stdout.write(`${secret.account} ${secret.token} ${secret.value}\n`);
      if (result.secrets.length) process.stderr.write(secretsFile ? `${result.secrets.length} new token value(s) written to ${secretsFile} (mode 0600)\n` : `warning: ${result.secrets.length} new token value(s) above are shown only this once; store them now.\n`);
      for (const { account, error } of result.failures) process.stderr.write(`${account}: ${(error.api ? describeApiError(error.api) : [`error: ${error.message}`]).join("\n")}\n`);
      if (result.failures.length) throw new CliError(`${result.failures.length} account(s) failed; the rest applied`, result.failures[0]!.error.exitCode);
      process.stderr.write("applied\n");
    });

  program
    .command("export")
    .description("Write the current service accounts, tokens (no values) and grants as a provisioning file")
    .option("-o, --out <file>", "write to this file instead of stdout")
    .addHelpText("after", examples("keyhold export > keyhold.yaml", "keyhold export -o keyhold.yaml"))
    .action(async (_o, command: Command) => {
      const { options, api } = context<{ out?: string }>(command);
      const { keyholdFileYaml, loadState, toKeyholdFile } = await provisioning();
      const state = await loadState(api(), () => ({ tokens: true, grants: true }), { tokens: true });
      const text = keyholdFileYaml(toKeyholdFile(state), resolveCredentials().url);
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
    });
}

async function readFile(file: string) {
  const { formatProblem, parseKeyholdFile } = await provisioning();
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`, EXIT.usage);
  }
  const parsed = parseKeyholdFile(text);
  if (!parsed.ok) throw new CliError(parsed.problems.map((problem) => formatProblem(file, problem)).join("\n"), EXIT.usage);
  return parsed.file;
}

/** Adds the new values to the secrets file (kept from earlier runs), mode 0600. */
function writeSecrets(file: string, secrets: NewSecret[]): string {
  const earlier = existsSync(file) ? ((JSON.parse(readFileSync(file, "utf8")) as { tokens?: NewSecret[] }).tokens ?? []) : [];
  writeFileSync(file, `${JSON.stringify({ tokens: [...earlier, ...secrets] }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}
