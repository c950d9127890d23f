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
          exclude: [
            "**/*.int.test.{ts,tsx}",
            "**/*.e2e.test.ts",
            "**/*.faults.test.ts",
            "**/node_modules/**",
          ],
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
      {
        test: {
          // Faults and load: worker processes killed, services stopped and wiped, bursts of submissions. They run
          // after every other project (a later group), one file at a time, so neither they nor the rest time
          // each other out on two cores, and their figures are not someone else's load.
          name: "faults",
          include: ["apps/*/src/**/*.faults.test.ts", "apps/*/e2e/**/*.faults.test.ts"],
          globalSetup: ["tooling/vitest/services.setup.ts"],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
