import { defineConfig } from "vitest/config";
import base, { onEveryEngine } from "./vitest.config.mts";

/** `npm run test:reliability`: bad input, authorization, concurrency, crashes, backups (tests/reliability). */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    projects: onEveryEngine(["tests/reliability/**/*.test.ts"]),
  },
});
