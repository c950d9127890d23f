import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The workspace packages ship TypeScript source with extensionless imports; Next compiles them like app code.
  transpilePackages: [
    "@parallax/api",
    "@parallax/core",
    "@parallax/db",
    "@parallax/net",
    "@parallax/queue",
    "@parallax/ui",
  ],
  // Node-only clients with connection pools and Lua scripts read from disk (bullmq): loaded by Node at run time,
  // not bundled. pg is on Next's own list too; naming it keeps the intent in one place. undici is the HTTP client
  // of feed discovery's guarded fetches (@parallax/net), Node's own and not meant for a bundle.
  serverExternalPackages: ["bullmq", "ioredis", "pg", "undici"],
};

export default config;
