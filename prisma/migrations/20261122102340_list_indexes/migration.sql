-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_action_idx" ON "AuditEvent"("workspaceId", "action");

-- CreateIndex
CREATE INDEX "Membership_workspaceId_createdAt_idx" ON "Membership"("workspaceId", "createdAt");
