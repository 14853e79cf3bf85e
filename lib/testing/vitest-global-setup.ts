import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, temporaryClusterDir, type EmbeddedCluster } from "../db/embedded";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    clusterUrl: string;
  }
}

/**
 * Integration tests run against a real PostgreSQL: the cluster `npm test` started (KEYHOLD_TEST_CLUSTER_URL),
 * or one started here. Each run gets a fresh, migrated database.
 */
export default async function setup(project: TestProject) {
  let cluster: EmbeddedCluster | undefined;
  const dir = temporaryClusterDir("vitest");
  let clusterUrl = process.env.KEYHOLD_TEST_CLUSTER_URL;
  if (!clusterUrl) {
    cluster = await startEmbeddedPostgres(dir);
    clusterUrl = cluster.url();
  }
  project.provide("clusterUrl", clusterUrl);
  project.provide("databaseUrl", await createTestDatabase(clusterUrl));
  return async () => {
    if (!cluster) return;
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
