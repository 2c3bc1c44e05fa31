import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ES module builds. Node (and so the server) loads the CommonJS one
    // everywhere; Vite would hand our sources the ES one, and @neo4j/graphql's schema objects would
    // then come "from another realm". Point tests at the same build Node uses.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
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
