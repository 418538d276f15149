/**
 * A round trip that authorizes rather than serves: the session check (lib/sessions/queries, one statement
 * that reads and touches the Session row), the member's context (lib/authz/context's one statement,
 * recognised by the 2FA requirement it carries along) and the API key lookup (lib/authz/api-key, one
 * statement that also brings the creator's membership, counts the request against the key's rate limit
 * and notes the key's use). Its own module, so lib/api/api-round-trips.int.test.ts judges with the very
 * same recogniser the benchmark uses.
 */
export function isAuthorization(sql: string): boolean {
  return /"Session"/.test(sql) || /'requireTwoFactor'/.test(sql) || /FROM "ApiKey" WHERE "secretHash"/.test(sql);
}
