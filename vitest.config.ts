import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    globalSetup: ["lib/testing/vitest-global-setup.ts"],
    setupFiles: ["lib/testing/vitest-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      // Every test file shares one database and runs alongside the others.
      { extends: true, test: { name: "parallel", include: ["lib/**/*.test.ts", "cli/**/*.test.ts"], exclude: ["lib/**/*.sequential.test.ts"], sequence: { groupOrder: 0 } } },
      // Files that change what every other test depends on (e.g. the token policy, a global setting) run alone, after the rest.
      { extends: true, test: { name: "sequential", include: ["lib/**/*.sequential.test.ts"], fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
