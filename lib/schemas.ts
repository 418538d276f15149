import { z } from "zod";
import { DAY_MAX, DAY_MIN } from "./dates";

/**
 * The building blocks every lib/<domain>/schemas.ts composes, so what reaches PostgreSQL is something it
 * can hold: a NUL character in a text parameter, a number past bigint or a date outside the timestamp
 * range is an error from the database (a 500), never a refusal the person can read. Input from forms and
 * actions is refused with a message; search parameters are ignored when they make no sense.
 */

export const NUL_MESSAGE = "Remove the invisible NUL character (\\0) from this text";

/** Any text that is stored or compared in the database: a string without NUL. Chain `.trim()`, `.max()`… as with z.string(). */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((value) => !value.includes("\0"), { message: NUL_MESSAGE });
}

const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a value could be a row's id (cuid today): a path segment or input that is not one names no row. */
export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && RECORD_ID.test(value);
}

/** A row's id in an action's input or a route's path; `message` is what a form shows when none was chosen. */
export function recordId(message = "Choose one") {
  return z.string({ message }).min(1, message).max(64).regex(RECORD_ID, "That is not a valid id");
}

// Search parameters: a value arrives as a string, an array when repeated, or not at all. A value that
// does not parse is ignored (the page shows its default) rather than refused: it came from a link.

/** The last page any list offers; past it a list is empty, never an OFFSET PostgreSQL cannot hold. */
export const MAX_PAGE = 100_000;

/** A 1-based page number from a search parameter (or a caller's number): anything else is page 1. */
export const pageParam = z.coerce.number().int().min(1).max(MAX_PAGE).catch(1);

/** A search box's or filter's text: trimmed, at most `max` characters; NUL or longer is ignored. */
export function searchParam(max: number) {
  return text().trim().max(max).optional().catch(undefined);
}

/** A "YYYY-MM-DD" day that exists, from 1970 to 9999 (PostgreSQL timestamps stop at 294276, JS at 275760). */
export const dayParam = z.iso
  .date()
  .refine((day) => day >= DAY_MIN && day <= DAY_MAX)
  .optional()
  .catch(undefined);

/** An id in a search parameter (a filter on one row): anything that is not an id is ignored. */
export const recordIdParam = recordId().optional().catch(undefined);

/** A paginated list's search parameters; a list with filters extends it. */
export const PageQuerySchema = z.object({ page: pageParam });

/**
 * A keyset-paginated list's search parameters: the cursor of the row a page starts after ("Next") or ends
 * before ("Previous"); lib/api/pagination reads them. Too long is ignored, like any link that makes no sense.
 */
export const PageLinkQuery = z.object({
  after: z.string().max(400).optional().catch(undefined),
  before: z.string().max(400).optional().catch(undefined),
});
export type PageLink = z.output<typeof PageLinkQuery>;
