import type { Command } from "commander";
import { allPages, call } from "../client/api";
import { context, examples } from "../context";
import { fieldsTable, print, printRevealed } from "../output/print";
import { accountId } from "./resolve";

type ListOptions = { q?: string; role?: "ADMIN" | "CONTRIBUTOR" | "VIEWER" | "AUDITOR" | "INTROSPECTOR"; status?: "active" | "expiring" | "expired" | "revoked" | "suspended" };
type CreateOptions = { name: string; role: "ADMIN" | "CONTRIBUTOR" | "VIEWER" | "AUDITOR" | "INTROSPECTOR"; description?: string; owner?: string; expiresAt?: string };

/** accounts list|get|create|update|delete. */
export function registerAccounts(program: Command) {
  const accounts = program.command("accounts").description("Service accounts");

  accounts
    .command("list")
    .description("List the service accounts you may see")
    .option("--q <text>", "name or description contains")
    .option("--role <role>", "ADMIN, CONTRIBUTOR, VIEWER, AUDITOR or INTROSPECTOR")
    .option("--status <status>", "active, expiring, expired, revoked or suspended")
    .addHelpText("after", examples("keyhold accounts list", "keyhold accounts list --role ADMIN --json"))
    .action(async (_o, command: Command) => {
      const { options, api } = context<ListOptions>(command);
      const client = api();
      const query = { q: options.q, role: options.role, status: options.status, limit: 100 };
      const rows = await allPages((cursor) => client.GET("/api/v1/service-accounts", { params: { query: { ...query, cursor } } }));
      print(options, rows, () => ({ head: ["NAME", "ROLE", "OWNER", "STATUS", "LAST USED", "ID"], rows: rows.map((a) => [a.name, a.role, a.owner.email, a.status, a.lastUsedAt, a.id]) }));
    });

  accounts
    .command("get <account>")
    .description("One service account (by id or name) and its tokens")
    .addHelpText("after", examples("keyhold accounts get ci-deploy", "keyhold accounts get ci-deploy --output yaml"))
    .action(async (ref: string, _o, command: Command) => {
      const { options, api } = context(command);
      const client = api();
      const { serviceAccount: a } = await call(client.GET("/api/v1/service-accounts/{id}", { params: { path: { id: await accountId(client, ref) } } }));
      print(options, a, () => fieldsTable({ name: a.name, id: a.id, role: a.role, description: a.description, owner: a.owner.email, status: a.status, created: a.createdAt, "last used": a.lastUsedAt ?? "never", tokens: a.tokens.length }));
    });

  accounts
    .command("create")
    .description("Create a service account and its first token (printed once)")
    .requiredOption("--name <name>", "letters, digits, '-', '_' and '.'")
    .requiredOption("--role <role>", "ADMIN, CONTRIBUTOR, VIEWER, AUDITOR or INTROSPECTOR")
    .option("--description <text>", "what it is for")
    .option("--owner <email>", "the owning user (default: your account's owner)")
    .option("--expires-at <date-time>", "when the first token expires (default: never)")
    .addHelpText("after", examples("keyhold accounts create --name ci-deploy --role CONTRIBUTOR --owner owner@example.com > ci-deploy.token"))
    .action(async (_o, command: Command) => {
      const { options, api } = context<CreateOptions>(command);
      const body = { name: options.name, role: options.role, description: options.description, owner: options.owner, expiresAt: options.expiresAt };
      const created = await call(api().POST("/api/v1/service-accounts", { body }));
      process.stderr.write(`created ${created.serviceAccount.name} (${created.serviceAccount.id}), token ${created.token.hint}\n`);
      printRevealed(options, created, `token of ${created.serviceAccount.name}`, created.token.value);
    });

  accounts
    .command("update <account>")
    .description("Change a service account's description, role or owner")
    .option("--description <text>", "what it is for")
    .option("--role <role>", "ADMIN, CONTRIBUTOR, VIEWER, AUDITOR or INTROSPECTOR")
    .option("--owner <email>", "the owning user")
    .addHelpText("after", examples("keyhold accounts update ci-deploy --role VIEWER"))
    .action(async (ref: string, _o, command: Command) => {
      const { options, api } = context<Partial<CreateOptions>>(command);
      const client = api();
      const body = { description: options.description, role: options.role, owner: options.owner };
      const { serviceAccount: a } = await call(client.PATCH("/api/v1/service-accounts/{id}", { params: { path: { id: await accountId(client, ref) } }, body }));
      print(options, a, () => fieldsTable({ name: a.name, id: a.id, role: a.role, description: a.description, owner: a.owner.email }));
    });

  accounts
    .command("delete <account>")
    .description("Delete a service account and all its tokens")
    .addHelpText("after", examples("keyhold accounts delete ci-deploy"))
    .action(async (ref: string, _o, command: Command) => {
      const { api } = context(command);
      const client = api();
      const id = await accountId(client, ref);
      await call(client.DELETE("/api/v1/service-accounts/{id}", { params: { path: { id } } }));
      process.stderr.write(`deleted ${ref}\n`);
    });
}
