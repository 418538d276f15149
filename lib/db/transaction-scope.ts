import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Marks the code running inside an entry point's database transaction, so a network call there fails
 * loudly in development and tests instead of holding a pooled connection while a slow host answers.
 */
const scope = new AsyncLocalStorage<true>();

export function runInTransactionScope<T>(run: () => Promise<T>): Promise<T> {
  return scope.run(true, run);
}

export function assertOutsideTransaction(what: string): void {
  if (scope.getStore()) throw new Error(`${what} inside a database transaction: move it to ctx.afterCommit`);
}
