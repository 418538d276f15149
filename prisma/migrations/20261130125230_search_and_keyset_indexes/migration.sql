-- "Contains" searches (ILIKE '%q%') read trigram indexes; PGlite loads the extension in lib/db/pglite.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Instance_serverId_idx" ON "Instance"("serverId");

-- CreateIndex
CREATE INDEX "Instance_name_idx" ON "Instance" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Project_name_idx" ON "Project" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Server_name_idx" ON "Server" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_email_idx" ON "User" USING GIN ("email" gin_trgm_ops);
