import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // One Neo4j Community database serves every suite: files run one after another, and each
    // suite that writes resets the graph first (test/support/neo4j.ts).
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
    reporters: ["default"],
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
  },
});
