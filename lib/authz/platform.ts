import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requireUserId } from "./context";

/**
 * Platform operators: accounts flagged by `npm run operator -- grant <email>`, never a workspace role
 * and never inferred from an address (anyone may sign up with any address).
 */
export async function platformAdminFor(userId: string): Promise<{ id: string; email: string; name: string } | null> {
  return db().user.findFirst({ where: { id: userId, isPlatformOperator: true }, select: { id: true, email: true, name: true } });
}

/** For platform pages: everyone else sees the same 404 as for a page that does not exist. */
export async function requirePlatformAdmin() {
  const admin = await platformAdminFor(await requireUserId());
  if (!admin) notFound();
  return admin;
}
