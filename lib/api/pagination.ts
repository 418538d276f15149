import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { inDateWindow } from "@/lib/dates";
import { Refusal } from "@/lib/errors";
import { text, type PageLink } from "@/lib/schemas";
import { formatNumber } from "@/lib/i18n/format";
import { DEFAULT_LOCALE, type AppLocale } from "@/lib/i18n/locale";

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

/** The number a cursor of a list in a numbered order carries (invoices); a cursor that carries none is refused. */
export function readNumberCursor(cursor: string | undefined): number | null {
  const values = readCursor(cursor, 1);
  if (!values) return null;
  const position = numberValues(values);
  if (!position) throw notOurs();
  return position[0];
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

/**
 * pastTimeCursor for a list read in one raw statement: `columns` (a row of the list's createdAt and id,
 * e.g. (m."createdAt", m.id)) past the cursor's, or TRUE on the first page. A time PostgreSQL cannot
 * hold is refused like any cursor this API did not make, not sent to the database.
 */
export function pastTimeCursorSql(cursor: string | undefined, order: "asc" | "desc", columns: Prisma.Sql): Prisma.Sql {
  const values = readCursor(cursor, 2);
  if (!values) return Prisma.sql`TRUE`;
  const position = timeValues(values);
  if (!position) throw notOurs();
  return order === "asc" ? Prisma.sql`${columns} > (${position[0]}, ${position[1]})` : Prisma.sql`${columns} < (${position[0]}, ${position[1]})`;
}

/**
 * Where a web list's page starts, from its URL: just after a row ("Next", `after`) or just before one
 * ("Previous", `before`), as cursors of the same scheme as the API's. A cursor this app did not make (edited,
 * truncated, another list's) reads as the first page: a page has no error to answer with, and the first page
 * is what a person who mangled the link wants.
 */
export interface PagePosition<T> {
  values: T;
  /** Reading towards the start of the list ("Previous"): the rows are read in reverse, then turned round. */
  backwards: boolean;
}

/** The position a page link names, with its values read by `read` (null when they make no sense). */
export function pagePosition<T>(link: PageLink, arity: number, read: (values: string[]) => T | null): PagePosition<T> | null {
  for (const [cursor, backwards] of [[link.before, true], [link.after, false]] as const) {
    const raw = cursor ? decodeCursor(cursor, arity) : null;
    const values = raw ? read(raw) : null;
    if (values !== null) return { values, backwards };
  }
  return null;
}

/** A (time, id) position's values; a time PostgreSQL cannot hold is none. */
export function timeValues([at, id]: string[]): [Date, string] | null {
  const date = new Date(at!);
  return inDateWindow(date) && id ? [date, id] : null;
}

/** A (number) position's value, e.g. an invoice's number. */
export const numberValues = ([n]: string[]): [number] | null => (n !== undefined && /^\d{1,9}$/.test(n) ? [Number(n)] : null);

/** A (text, id) position's values, e.g. (name, id). */
export const textValues = ([text, id]: string[]): [string, string] | null => (text !== undefined && id ? [text, id] : null);

/**
 * The keyset condition and order of a page in a list ordered by `columns` (`order` as the list shows it),
 * for raw SQL: `WHERE … AND ${keyset.where} ORDER BY ${keyset.orderBy} LIMIT size + 1`. The row comparison
 * reads off a b-tree index on the same columns, whatever the list's size.
 */
export function keysetSql(position: PagePosition<readonly unknown[]> | null, order: "asc" | "desc", columns: readonly string[]) {
  const reading = position?.backwards ? (order === "asc" ? "desc" : "asc") : order;
  const cols = Prisma.raw(columns.join(", "));
  const direction = Prisma.raw(reading === "asc" ? "ASC" : "DESC");
  return {
    where: position
      ? Prisma.sql`(${cols}) ${Prisma.raw(reading === "asc" ? ">" : "<")} (${Prisma.join(position.values as unknown[])})`
      : Prisma.sql`TRUE`,
    orderBy: Prisma.join(columns.map((c) => Prisma.sql`${Prisma.raw(c)} ${direction}`)),
  };
}

/**
 * Cuts a page read with keysetSql and a limit of size + 1: the rows in list order, and the cursors of the
 * pages before and after it (null at either end of the list).
 */
export function cutKeysetPage<T, P>(rows: T[], size: number, position: PagePosition<P> | null, cursorOf: (row: T) => string[]) {
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (position?.backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  // Coming back from a page, that page is still there; a fresh first page has nothing before it.
  const hasPrevious = position?.backwards ? more : position !== null;
  const hasNext = position?.backwards ? true : more;
  return {
    rows: page,
    previous: first && hasPrevious ? encodeCursor(cursorOf(first)) : null,
    next: last && hasNext ? encodeCursor(cursorOf(last)) : null,
  };
}

/**
 * The most rows a list's total counts: counting every one of 100,000 members on each view would cost more
 * than the page. Past it the page says "1,000+".
 */
export const COUNT_CAP = 1000;

/** A capped count of the rows `from` (a FROM … WHERE … clause) as a scalar subquery: stops after COUNT_CAP + 1 rows. */
export function cappedCountSql(from: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 ${from} LIMIT ${COUNT_CAP + 1}) capped)`;
}

/** What a list shows as its total, spelled for the reader: "1,234" or, past the cap, "1,000+" (de: "1.000+"). */
export function countLabel(count: number, locale: AppLocale = DEFAULT_LOCALE): string {
  return count > COUNT_CAP ? `${formatNumber(COUNT_CAP, locale)}+` : formatNumber(count, locale);
}

/**
 * pagePosition's Prisma form for a list in (createdAt, id) order: the condition past the position and the
 * order to read in (reversed going backwards), off a (workspaceId, createdAt, id) index.
 */
export function timeKeyset(position: PagePosition<[Date, string]> | null, order: "asc" | "desc") {
  const reading = position?.backwards ? (order === "asc" ? "desc" : "asc") : order;
  const past = <T,>(value: T): Past<T> => (reading === "asc" ? { gt: value } : { lt: value });
  const [at, id] = position?.values ?? [];
  return {
    where: at && id ? { OR: [{ createdAt: past(at) }, { createdAt: at, id: past(id) }] } : {},
    orderBy: [{ createdAt: reading }, { id: reading }] as [{ createdAt: "asc" | "desc" }, { id: "asc" | "desc" }],
  };
}
