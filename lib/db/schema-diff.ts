import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const projectRoot = path.resolve(import.meta.dirname, "../..");
const prisma6Cli = path.join(projectRoot, "node_modules/prisma6/build/index.js");
const prisma6Adapter = path.join(projectRoot, "node_modules/prisma6-adapter-pg/dist/index.mjs");

/**
 * SQL that turns the database described by `fromSchema` (null = empty) into the one of `toSchema`.
 *
 * Prisma 7's migrate commands do nothing on this machine (no native engine can be downloaded), so this asks
 * Prisma 6.19's CLI, whose wasm schema engine runs through a driver adapter. It needs a reachable database
 * (`scratchUrl`) to connect to, but only compares the two datamodels: nothing is read from or written to it.
 */
export async function diffSchemas(fromSchema: string | null, toSchema: string, scratchUrl: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "keyhold-schema-diff-"));
  try {
    const to = await writeForPrisma6(dir, "to.prisma", toSchema);
    const from = fromSchema ? ["--from-schema-datamodel", await writeForPrisma6(dir, "from.prisma", fromSchema)] : ["--from-empty"];
    const config = path.join(dir, "prisma.config.mjs");
    await writeFile(
      config,
      `import { PrismaPg } from ${JSON.stringify(prisma6Adapter)};
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: ${JSON.stringify(to)},
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(scratchUrl)} }),
};
`,
    );
    const { stdout } = await run(
      process.execPath,
      [prisma6Cli, "migrate", "diff", "--config", config, ...from, "--to-schema-datamodel", to, "--script"],
      // Prisma 6 would try to download a query engine it does not need for a diff.
      { cwd: dir, env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true", PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
    );
    return stdout.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/m, "").trim() + "\n";
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Prisma 6 wants the url in the datasource and knows nothing of Prisma 7's generator, so both are adjusted. */
async function writeForPrisma6(dir: string, name: string, schemaPath: string): Promise<string> {
  const source = await readFile(schemaPath, "utf8");
  const withoutGenerators = source.replace(/^generator\s+\w+\s*\{[^}]*\}\s*$/gm, "");
  const withUrl = withoutGenerators.replace(
    /(datasource\s+\w+\s*\{[^}]*provider\s*=\s*"postgresql")/,
    `$1\n  url = env("DATABASE_URL")`,
  );
  const file = path.join(dir, name);
  await writeFile(file, withUrl);
  return file;
}
