import { describe, expect, it } from "vitest";
import { resolveDatabaseUrl as resolve } from "./url";

const resolveDatabaseUrl = (env: Record<string, string>, cwd: string) => resolve(env as NodeJS.ProcessEnv, cwd);

describe("resolveDatabaseUrl", () => {
  it("keeps a PostgreSQL URL as given", () => {
    expect(resolveDatabaseUrl({ DATABASE_URL: "postgresql://u@h:5432/db" }, "/srv/app")).toBe("postgresql://u@h:5432/db");
  });

  it("makes the embedded default and relative PGlite folders absolute against the project root", () => {
    expect(resolveDatabaseUrl({}, "/srv/app")).toBe("pglite:/srv/app/.data/pglite");
    expect(resolveDatabaseUrl({ DATABASE_URL: "pglite:./db" }, "/srv/app")).toBe("pglite:/srv/app/db");
    expect(resolveDatabaseUrl({ DATABASE_URL: "pglite:/var/lib/ws" }, "/srv/app")).toBe("pglite:/var/lib/ws");
  });

  it("inside the standalone server, which runs from .next/standalone, still means the project's folder", () => {
    expect(resolveDatabaseUrl({}, "/srv/app/.next/standalone")).toBe("pglite:/srv/app/.data/pglite");
    // A Docker image that copied the standalone folder elsewhere is its own root.
    expect(resolveDatabaseUrl({}, "/app")).toBe("pglite:/app/.data/pglite");
  });
});
