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

type SharedCluster = { url: string; users: number; stop: () => Promise<void> };
// One cluster for the run, whichever project (vitest.config.ts) sets up first; the last to finish stops it.
const globalForCluster = globalThis as unknown as { keyholdVitestCluster?: Promise<SharedCluster> };

/**
 * Integration tests run against a real PostgreSQL: the cluster `npm test` started (KEYHOLD_TEST_CLUSTER_URL),
 * or one started here. Each project of the run gets a fresh, migrated database.
 */
export default async function setup(project: TestProject) {
  const shared = await (globalForCluster.keyholdVitestCluster ??= startCluster());
  shared.users += 1;
  project.provide("clusterUrl", shared.url);
  project.provide("databaseUrl", await createTestDatabase(shared.url));
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) await shared.stop();
  };
}

async function startCluster(): Promise<SharedCluster> {
  const given = process.env.KEYHOLD_TEST_CLUSTER_URL;
  if (given) return { url: given, users: 0, stop: async () => {} };
  const dir = temporaryClusterDir("vitest");
  const cluster: EmbeddedCluster = await startEmbeddedPostgres(dir);
  return {
    url: cluster.url(),
    users: 0,
    stop: async () => {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
