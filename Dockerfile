# syntax=docker/dockerfile:1
# The dashboard as a container: the standalone server (next.config.ts: output "standalone") on Node 20,
# as a non-root user. Build it with `docker build -t workspaces .`; compose.yaml runs it with PostgreSQL,
# a migration step and a proxy in front. (Written for production; not built on the machine that wrote it,
# which has no Docker.)

# --- dependencies: `npm install`, not `npm ci` (README: the lock file lists only the Linux builds of the
# optional native packages). Its postinstall generates the Prisma client, which needs the schema.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm install --no-audit --no-fund

# --- build: `npm run build` (next build, then the static files into .next/standalone). This stage, with
# every dependency and the migrations, also runs `npm run db:migrate` in compose.yaml.
FROM deps AS build
COPY . .
RUN npm run build

# --- runtime: only the standalone folder: server.js, the traced node_modules (PGlite's and Scalar's files
# included), .next/static and public.
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
# The standalone server listens on PORT and HOSTNAME; Docker sets HOSTNAME to the container id, so it is
# set here to listen on every interface.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
# /sign-in renders without touching the database: this says the process serves, not that PostgreSQL is up
# (a database outage is answered with error pages and heals itself; restarting the app would not help).
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/sign-in').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# As `npm start`: two malloc arenas and the V8 old generation capped at 256 MB (README → Production → Memory).
ENV MALLOC_ARENA_MAX=2
CMD ["node", "--max-old-space-size=256", "server.js"]
