/**
 * Input as an attacker sends it: past the typed client, straight to the server action. The types of
 * an action's parameters come from its zod schema, so well-typed code cannot write these calls; the
 * server must still refuse them.
 */
export function forged(input: unknown): never {
  return input as never;
}
