import type { TestProject } from "vitest/node";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { adminUrl, databaseUrl } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/**
 * Migrates one template database per run; each integration test file then clones it
 * (CREATE DATABASE … TEMPLATE …), so files run in parallel and each starts clean.
 */
export default async function setup(project: TestProject) {
  const template = `ws_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
  await admin.query(`CREATE DATABASE "${template}"`);
  await applyMigrations(databaseUrl(template));
  project.provide("templateDatabase", template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
  };
}
