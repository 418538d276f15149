import { db } from "@/lib/db";

export const MEMBERS_PAGE_SIZE = 50;

export async function listMembers(workspaceId: string, options: { search?: string; page?: number } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const search = options.search?.trim().slice(0, 100);
  const where = {
    workspaceId,
    ...(search
      ? {
          user: {
            OR: [
              { name: { contains: search, mode: "insensitive" as const } },
              { email: { contains: search.toLowerCase() } },
            ],
          },
        }
      : {}),
  };
  const [total, members] = await Promise.all([
    db().membership.count({ where }),
    db().membership.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * MEMBERS_PAGE_SIZE,
      take: MEMBERS_PAGE_SIZE,
      select: {
        id: true,
        role: true,
        createdAt: true,
        user: { select: { id: true, name: true, email: true } },
        grant: { select: { actions: true, projectIds: true, instanceIds: true, serverIds: true } },
      },
    }),
  ]);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)), members };
}
