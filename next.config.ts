import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite resolves its WASM and data files from its own package folder; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
};

export default nextConfig;
