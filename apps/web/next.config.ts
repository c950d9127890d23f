import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The workspace packages ship TypeScript source with extensionless imports; Next compiles them like app code.
  transpilePackages: ["@parallax/api", "@parallax/core", "@parallax/db", "@parallax/queue", "@parallax/ui"],
  // Node-only clients with connection pools and Lua scripts read from disk (bullmq): loaded by Node at run time,
  // not bundled. pg is on Next's own list too; naming it keeps the intent in one place.
  serverExternalPackages: ["bullmq", "ioredis", "pg"],
};

export default config;
