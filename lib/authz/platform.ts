import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requireUserId } from "./context";

/** Platform operators: the emails in PLATFORM_ADMIN_EMAILS (comma separated), not a workspace role. */
export function isPlatformAdminEmail(email: string): boolean {
  const list = (process.env.PLATFORM_ADMIN_EMAILS ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  return list.includes(email.toLowerCase());
}

export async function platformAdminFor(userId: string): Promise<{ id: string; email: string; name: string } | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
  return user && isPlatformAdminEmail(user.email) ? user : null;
}

/** For platform pages: everyone else sees the same 404 as for a page that does not exist. */
export async function requirePlatformAdmin() {
  const admin = await platformAdminFor(await requireUserId());
  if (!admin) notFound();
  return admin;
}
