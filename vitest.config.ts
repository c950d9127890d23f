import { defineConfig } from "vitest/config";

/**
 * One run, three projects: `unit` (pure code, no services), `integration` (real Postgres and Redis, each run in
 * its own database and queue prefix) and `browser` (the built web app in Debian's Chromium).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.{ts,tsx}", "apps/*/src/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.{ts,tsx}", "**/*.e2e.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["packages/*/src/**/*.int.test.ts", "apps/*/src/**/*.int.test.ts"],
          globalSetup: ["tooling/vitest/services.setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["apps/*/src/**/*.e2e.test.ts", "apps/*/e2e/**/*.e2e.test.ts"],
          globalSetup: ["tooling/vitest/services.setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
