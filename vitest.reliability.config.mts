import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

/** `npm run test:reliability`: bad input, authorization, concurrency, crashes, backups (tests/reliability). */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/reliability/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
