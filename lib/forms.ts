import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/errors";

/**
 * Puts a server action's field errors on the form's fields and returns the message meant for the
 * whole form (null when it succeeded). The server parses with the same zod schema as the client,
 * so these only appear when the client was bypassed or the database said no (a taken slug).
 */
export function applyActionResult<T extends FieldValues>(
  result: ActionResult<unknown>,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string | null {
  if (result.ok) return null;
  let unplaced = false;
  for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
    if (fields.includes(field)) setError(field as Path<T>, { type: "server", message }, { shouldFocus: true });
    else unplaced = true;
  }
  if (result.fieldErrors && !unplaced && result.code === "INVALID") return null;
  return result.error;
}
