import { defineConfig } from "prisma/config";

// Only a postgresql:// URL means anything to the Prisma CLI; the embedded `pglite:` URL is handled by
// lib/db, so it is left out here rather than handed to the CLI as an invalid datasource.
const url = process.env.DATABASE_URL;
const isPostgresUrl = url !== undefined && /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(isPostgresUrl ? { datasource: { url } } : {}),
});
