import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "../db/migrate";
import { installJobQueues } from "../jobs/boss";

/** Tests create and drop databases: they refuse any server but this machine's. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}

export async function createDatabase(clusterUrl: string, prefix: string): Promise<string> {
  assertLocalDatabase(clusterUrl);
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh, migrated database on the cluster, for one test run. */
export async function createTestDatabase(clusterUrl: string, prefix = "keyhold_test"): Promise<string> {
  const url = await createDatabase(clusterUrl, prefix);
  await migrate(url);
  await installJobQueues(url);
  return url;
}
