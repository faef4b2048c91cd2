import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server bundle; tests import services directly.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
      // No Next request under vitest: record revalidations instead of performing them.
      "next/cache": path.resolve(import.meta.dirname, "tests/support/next-cache.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    pool: "forks",
    testTimeout: 20_000,
  },
});
