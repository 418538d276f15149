-- DropIndex
DROP INDEX "AuditEvent_workspaceId_createdAt_idx";

-- DropIndex
DROP INDEX "Membership_workspaceId_createdAt_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_createdAt_id_idx" ON "AuditEvent"("workspaceId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Membership_workspaceId_createdAt_id_idx" ON "Membership"("workspaceId", "createdAt", "id");
