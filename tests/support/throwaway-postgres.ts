import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/**
 * A PostgreSQL server of its own in a temporary folder, for a test that must stop and restart the server
 * under a running app (scripts/lib/throwaway-postgres.sh in TypeScript). Debian's binaries, or the ones
 * in /usr/local/bin; as root, the server runs as the postgres user, since PostgreSQL refuses root.
 */
export interface ThrowawayPostgres {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  adminUrl: string;
  port: number;
  /** The URL of another database on this server. */
  databaseUrl(database: string): string;
  /** Stops the server (`pg_ctl stop -m fast`: open connections are ended), keeping its data. */
  stopServer(): void;
  /** Starts it again on the same port and data, waiting until it accepts connections. */
  startServer(): void;
  /** Stops it and deletes its folder. */
  destroy(): void;
}

export function postgresBinDir(): string {
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(path.join(debian, v, "bin", "pg_ctl")))
      .sort((a, b) => Number(a) - Number(b));
    if (versions.length) return path.join(debian, versions.at(-1)!, "bin");
  }
  if (existsSync("/usr/local/bin/pg_ctl")) return "/usr/local/bin";
  throw new Error("No PostgreSQL binaries (pg_ctl) in /usr/lib/postgresql/*/bin or /usr/local/bin: install Debian's postgresql.");
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]] : [path.join(bin, command), args];
    execFileSync(file, argv, { stdio: ["ignore", "ignore", "pipe"], timeout: 60_000 });
  };
  const workdir = mkdtempSync("/tmp/workspaces-pg-");
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(workdir, uid, gid);
  }
  const port = await freePort();
  const data = path.join(workdir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"]);
  const options = `-p ${port} -k ${workdir} -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=off`;
  const startServer = () => run("pg_ctl", ["-D", data, "-l", path.join(workdir, "postgres.log"), "-w", "-t", "30", "-o", options, "start"]);
  const stopServer = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]);
  startServer();
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let destroyed = false;
  return {
    adminUrl,
    port,
    databaseUrl: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stopServer,
    startServer,
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      try {
        stopServer();
      } catch {
        // already stopped
      }
      rmSync(workdir, { recursive: true, force: true });
    },
  };
}
