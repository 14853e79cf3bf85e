import type { Command } from "commander";
import { call } from "../client/api";
import { context, examples } from "../context";
import { print, printRevealed } from "../output/print";
import { accountId, tokenId } from "./resolve";

type AddOptions = { name: string; description?: string; expiresAt?: string; scopes?: string; allowedIps?: string };
type RotateOptions = { account?: string; keepOldUntil?: string; expiresAt?: string };
const list = (text: string | undefined) => text?.split(",").map((item) => item.trim()).filter(Boolean);

/** tokens list|add|rotate|revoke. */
export function registerTokens(program: Command) {
  const tokens = program.command("tokens").description("An account's API tokens");

  tokens
    .command("list <account>")
    .description("An account's tokens (live first, the primary first)")
    .addHelpText("after", examples("keyhold tokens list ci-deploy", "keyhold tokens list ci-deploy --json"))
    .action(async (ref: string, _o, command: Command) => {
      const { options, api } = context(command);
      const client = api();
      const { data } = await call(client.GET("/api/v1/service-accounts/{id}/tokens", { params: { path: { id: await accountId(client, ref) } } }));
      print(options, data, () => ({ head: ["TOKEN ID", "HINT", "STATUS", "SCOPES", "EXPIRES", "LAST USED", "ID"], rows: data.map((t) => [t.name, t.hint, t.status, t.scopes?.join(",") ?? "full", t.expiresAt ?? "never", t.lastUsedAt, t.id]) }));
    });

  tokens
    .command("add <account>")
    .description("Add a token to an account; its value is printed once, on stdout")
    .requiredOption("--name <token-id>", "the Token ID, unique among the account's live tokens")
    .option("--description <text>", "what it is for")
    .option("--expires-at <date-time>", "when it expires (default: never)")
    .option("--scopes <list>", "comma-separated scopes (default: full access of the account's role)")
    .option("--allowed-ips <list>", "comma-separated addresses or CIDR ranges (default: anywhere)")
    .addHelpText("after", examples("keyhold tokens add ci-deploy --name deploy-eu --scopes service_accounts:read --expires-at 2027-01-01T00:00:00Z > deploy-eu.token"))
    .action(async (ref: string, _o, command: Command) => {
      const { options, api } = context<AddOptions>(command);
      const client = api();
      const body = { name: options.name, description: options.description ?? "", expiresAt: options.expiresAt, scopes: list(options.scopes), allowedIps: list(options.allowedIps) ?? [] };
      const { token } = await call(client.POST("/api/v1/service-accounts/{id}/tokens", { params: { path: { id: await accountId(client, ref) } }, body }));
      printRevealed(options, { token }, `token ${options.name}`, token.value);
    });

  tokens
    .command("rotate <token>")
    .description("A new value for a token (same Token ID, scopes and ranges); the old one stops now or at --keep-old-until")
    .option("--account <account>", "the account, when <token> is a Token ID rather than an id")
    .option("--keep-old-until <date-time>", "the old value keeps working until then (default: it stops now)")
    .option("--expires-at <date-time>", "the new token's expiry (default: the same lifetime, from now)")
    .addHelpText("after", examples("keyhold tokens rotate deploy-eu --account ci-deploy --keep-old-until 2027-01-02T00:00:00Z > deploy-eu.token"))
    .action(async (ref: string, _o, command: Command) => {
      const { options, api } = context<RotateOptions>(command);
      const client = api();
      const body = { previousTokenExpiresAt: options.keepOldUntil ?? null, ...(options.expiresAt ? { expiresAt: options.expiresAt } : {}) };
      const rotated = await call(client.POST("/api/v1/tokens/{id}/rotate", { params: { path: { id: await tokenId(client, ref, options.account) } }, body }));
      printRevealed(options, rotated, `token ${rotated.token.name}`, rotated.token.value);
    });

  tokens
    .command("revoke <token>")
    .description("Revoke one token, now")
    .option("--account <account>", "the account, when <token> is a Token ID rather than an id")
    .addHelpText("after", examples("keyhold tokens revoke deploy-eu --account ci-deploy", "keyhold tokens revoke 0b9f…-token-id"))
    .action(async (ref: string, _o, command: Command) => {
      const { options, api } = context<{ account?: string }>(command);
      const client = api();
      const result = await call(client.POST("/api/v1/tokens/{id}/revoke", { params: { path: { id: await tokenId(client, ref, options.account) } } }));
      print(options, result, () => ({ head: ["REVOKED"], rows: [[result.token.id]] }));
    });
}
