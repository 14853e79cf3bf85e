import type { Command } from "commander";
import { call } from "../client/api";
import { context, examples } from "../context";
import { print } from "../output/print";

/** scopes list, resources list. */
export function registerCatalog(program: Command) {
  program
    .command("scopes")
    .description("Token scopes")
    .command("list")
    .description("Built-in scopes, then custom ones")
    .addHelpText("after", examples("keyhold scopes list", "keyhold scopes list --json"))
    .action(async (_o, command: Command) => {
      const { options, api } = context(command);
      const { data } = await call(api().GET("/api/v1/scopes"));
      print(options, data, () => ({ head: ["NAME", "BUILT-IN", "MINIMUM ROLE", "ARCHIVED", "DESCRIPTION"], rows: data.map((s) => [s.name, s.builtIn ? "yes" : "no", s.minimumRole, s.archived ? "yes" : "no", s.description]) }));
    });

  program
    .command("resources")
    .description("Resources that accounts are granted roles on")
    .command("list")
    .description("Resources, by type then name")
    .option("--type <type>", "only resources of this type")
    .addHelpText("after", examples("keyhold resources list", "keyhold resources list --type application --output yaml"))
    .action(async (_o, command: Command) => {
      const { options, api } = context<{ type?: string }>(command);
      const { data } = await call(api().GET("/api/v1/resources", { params: { query: { type: options.type } } }));
      print(options, data, () => ({ head: ["TYPE", "NAME", "ARCHIVED"], rows: data.map((r) => [r.type, r.name, r.archived ? "yes" : "no"]) }));
    });
}
