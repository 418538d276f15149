-- CreateEnum
CREATE TYPE "TransactionType" AS ENUM ('TOPUP', 'CHARGE', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "TransactionStatus" AS ENUM ('PENDING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "QuotaResource" AS ENUM ('MEMBERS', 'PROJECTS', 'SERVERS', 'INSTANCES', 'BACKUPS', 'API_KEYS');

-- CreateEnum
CREATE TYPE "QuotaRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'DENIED');

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "balanceMinor" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "color" TEXT,
ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'USD',
ADD COLUMN     "logo" BYTEA,
ADD COLUMN     "logoType" TEXT,
ADD COLUMN     "logoUpdatedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WorkspaceSlugAlias" (
    "slug" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkspaceSlugAlias_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "BillingTransaction" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "type" "TransactionType" NOT NULL,
    "status" "TransactionStatus" NOT NULL DEFAULT 'COMPLETED',
    "amountMinor" INTEGER NOT NULL,
    "balanceAfterMinor" INTEGER,
    "currency" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerRef" TEXT,
    "isTest" BOOLEAN NOT NULL DEFAULT false,
    "idempotencyKey" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "BillingTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkspaceQuota" (
    "workspaceId" TEXT NOT NULL,
    "resource" "QuotaResource" NOT NULL,
    "limit" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkspaceQuota_pkey" PRIMARY KEY ("workspaceId","resource")
);

-- CreateTable
CREATE TABLE "QuotaRequest" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "resource" "QuotaResource" NOT NULL,
    "requestedLimit" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "QuotaRequestStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT,
    "decidedByEmail" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuotaRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkspaceSlugAlias_workspaceId_idx" ON "WorkspaceSlugAlias"("workspaceId");

-- CreateIndex
CREATE INDEX "BillingTransaction_workspaceId_createdAt_idx" ON "BillingTransaction"("workspaceId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "BillingTransaction_provider_providerRef_idx" ON "BillingTransaction"("provider", "providerRef");

-- CreateIndex
CREATE UNIQUE INDEX "BillingTransaction_workspaceId_idempotencyKey_key" ON "BillingTransaction"("workspaceId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "QuotaRequest_status_createdAt_idx" ON "QuotaRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "QuotaRequest_workspaceId_createdAt_idx" ON "QuotaRequest"("workspaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "WorkspaceSlugAlias" ADD CONSTRAINT "WorkspaceSlugAlias_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BillingTransaction" ADD CONSTRAINT "BillingTransaction_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkspaceQuota" ADD CONSTRAINT "WorkspaceQuota_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaRequest" ADD CONSTRAINT "QuotaRequest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
