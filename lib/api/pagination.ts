import { z } from "zod";
import { Refusal } from "@/lib/errors";
import { text } from "@/lib/schemas";

/**
 * Keyset pagination for every API list: a page is read off an index from where the last one ended,
 * whatever the list's size. The cursor is opaque to clients (base64url of the last row's sort values).
 */
export const API_PAGE_SIZE = 50;

export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The sort values a cursor carries, or null for one this API did not make. */
export function decodeCursor(cursor: string, arity: number): string[] | null {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(values) && values.length === arity && values.every((v) => typeof v === "string" && v.length <= 200 && !v.includes("\0"))
      ? (values as string[])
      : null;
  } catch {
    return null;
  }
}

export const PageQuery = z.object({
  cursor: text().max(400).optional().meta({ description: "The `nextCursor` of the previous page; omit for the first page." }),
  limit: z.coerce.number().int().min(1).max(100).default(API_PAGE_SIZE).meta({ description: "Items per page, 1 to 100." }),
});

/** A page of `item`, with the cursor of the next page (null on the last one). */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({ data: z.array(item), nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }) })
    .meta({ id });
}

/** Cuts a page read with limit + 1 rows: the extra row only says that another page exists. */
export function cutPage<T>(rows: T[], limit: number, cursorOf: (row: T) => string[]): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}

const notOurs = () => new Refusal("INVALID", "Some fields need attention.", { cursor: "That cursor was not returned by this API. Start again without one." });

/** decodeCursor for a request: a cursor this API did not make is refused, not read as the first page. */
export function readCursor(cursor: string | undefined, arity: number): string[] | null {
  if (cursor === undefined) return null;
  const values = decodeCursor(cursor, arity);
  if (!values) throw notOurs();
  return values;
}

/** A list in (createdAt, id) order: the cursor of a row. */
export const timeCursor = (row: { createdAt: Date; id: string }) => [row.createdAt.toISOString(), row.id];

/**
 * The rows past a timeCursor in a list ordered by (createdAt, id) ascending or descending, as a Prisma
 * condition ({} on the first page): read off a (workspaceId, createdAt, id) index, whatever the list's size.
 */
export function pastTimeCursor(
  cursor: string | undefined,
  order: "asc" | "desc",
): { OR?: [{ createdAt: Past<Date> }, { createdAt: Date; id: Past<string> }] } {
  const values = readCursor(cursor, 2);
  if (!values) return {};
  const at = new Date(values[0]!);
  if (Number.isNaN(at.getTime())) throw notOurs();
  const past = <T,>(value: T): Past<T> => (order === "asc" ? { gt: value } : { lt: value });
  return { OR: [{ createdAt: past(at) }, { createdAt: at, id: past(values[1]!) }] };
}

type Past<T> = { gt: T } | { lt: T };
