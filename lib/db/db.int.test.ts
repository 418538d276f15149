import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffSchemaAgainstMigrations } from "@/scripts/lib/schema-diff";
import { db } from "@/lib/db";
import { createPrismaClient } from "./client";
import { isUniqueViolation } from "./errors";
import { applyMigrations } from "./migrate";

const migrationNames = readdirSync(path.join(process.cwd(), "prisma/migrations"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe("schema and migrations", () => {
  it("agree: the migrations produce exactly the schema in prisma/schema.prisma", async () => {
    expect(await diffSchemaAgainstMigrations()).toBe("");
  }, 60_000);

  it("are recorded in Prisma's own _prisma_migrations table on PostgreSQL", async () => {
    const rows = await db().$queryRaw<{ migration_name: string; finished_at: Date | null; checksum: string }[]>`
      SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe("the embedded PGlite default", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pglite-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("migrates, answers queries through the same client code, and keeps unique constraints", async () => {
    const url = `pglite:${dir}`;
    expect((await applyMigrations(url)).applied).toEqual(migrationNames);
    expect((await applyMigrations(url)).applied).toEqual([]);

    const client = createPrismaClient(url);
    try {
      const user = await client.user.create({ data: { name: "Embedded", email: "embedded@test.example", passwordHash: "x" } });
      const found = await client.user.findUniqueOrThrow({ where: { email: "embedded@test.example" } });
      expect(found).toMatchObject({ id: user.id, name: "Embedded" });
      expect(found.createdAt).toBeInstanceOf(Date);
      const duplicate = await client.user
        .create({ data: { name: "Again", email: "embedded@test.example", passwordHash: "x" } })
        .catch((e: unknown) => e);
      expect(isUniqueViolation(duplicate, "email")).toBe(true);
      const rolledBack = await client
        .$transaction(async (tx) => {
          await tx.user.create({ data: { name: "Rolled", email: "rolled@test.example", passwordHash: "x" } });
          throw new Error("roll back");
        })
        .catch(() => "rolled back");
      expect(rolledBack).toBe("rolled back");
      expect(await client.user.count({ where: { email: "rolled@test.example" } })).toBe(0);
      // Authorization reads grants through a PL/pgSQL function (member_grants): the embedded build runs it too.
      expect(await client.$queryRaw<{ grants: unknown }[]>`SELECT member_grants('no-such-membership') AS grants`).toEqual([{ grants: [] }]);
    } finally {
      await client.$disconnect();
    }
  }, 60_000);
});
