import type { Db } from "@/lib/db";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { createAccount } from "@/lib/accounts/service";
import { createWorkspace } from "@/lib/workspaces/service";
import { recordAudit } from "@/lib/audit";

export const DEMO_PASSWORD = "demo-password";

export const DEMO_ACCOUNTS = [
  { name: "Dana Demo", email: "demo@example.com" },
  { name: "Alice Archer", email: "alice@example.com" },
  { name: "Bob Baker", email: "bob@example.com" },
  { name: "Carol Chen", email: "carol@example.com" },
  { name: "Dev Patel", email: "dev@example.com" },
  { name: "Erin Evans", email: "erin@example.com" },
] as const;

type DemoEmail = (typeof DEMO_ACCOUNTS)[number]["email"];

const DEMO_WORKSPACES: {
  name: string;
  slug: string;
  kind: "PROJECT" | "ENVIRONMENT";
  stage?: "DEVELOPMENT" | "STAGING" | "PRODUCTION";
  owner: DemoEmail;
  members: [DemoEmail, Role][];
}[] = [
  {
    name: "Acme Consulting",
    slug: "acme",
    kind: "PROJECT",
    owner: "demo@example.com",
    members: [["alice@example.com", "ADMIN"], ["carol@example.com", "DEVELOPER"], ["erin@example.com", "VIEWER"]],
  },
  {
    name: "Beta Studios",
    slug: "beta-studios",
    kind: "PROJECT",
    owner: "alice@example.com",
    members: [["demo@example.com", "ADMIN"], ["bob@example.com", "DEVELOPER"], ["dev@example.com", "VIEWER"]],
  },
  {
    name: "Gamma Co.",
    slug: "gamma",
    kind: "ENVIRONMENT",
    stage: "PRODUCTION",
    owner: "bob@example.com",
    members: [["demo@example.com", "DEVELOPER"], ["carol@example.com", "ADMIN"], ["erin@example.com", "VIEWER"]],
  },
];

/** Loads the demo accounts and workspaces once; a second run finds the demo account and does nothing. */
export async function seedDemoData(db: Db): Promise<{ created: boolean }> {
  if (await db.user.findUnique({ where: { email: DEMO_ACCOUNTS[0].email }, select: { id: true } })) {
    return { created: false };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(
    async (tx) => {
      const ids = new Map<string, string>();
      for (const account of DEMO_ACCOUNTS) {
        const user = await createAccount(tx, { ...account, passwordHash });
        ids.set(account.email, user.id);
      }
      for (const spec of DEMO_WORKSPACES) {
        const ownerId = ids.get(spec.owner)!;
        const workspace = await createWorkspace(tx, { id: ownerId }, spec);
        for (const [email, role] of spec.members) {
          const membership = await tx.membership.create({
            data: { workspaceId: workspace.id, userId: ids.get(email)!, role },
          });
          await recordAudit(tx, {
            workspaceId: workspace.id,
            actorId: ownerId,
            action: "member.added",
            targetType: "membership",
            targetId: membership.id,
            metadata: { email, role, source: "demo-seed" },
          });
        }
      }
      // The demo account starts in the workspace it owns, so the first screen shows an owner's view.
      const acme = await tx.workspace.findUniqueOrThrow({ where: { slug: "acme" }, select: { id: true } });
      await tx.user.update({ where: { id: ids.get("demo@example.com")! }, data: { defaultWorkspaceId: acme.id } });
    },
    { timeout: 60_000 },
  );
  return { created: true };
}
