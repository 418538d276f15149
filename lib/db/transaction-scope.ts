import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Marks the code running inside an entry point's database transaction, so a network call there fails
 * loudly in development and tests instead of holding a pooled connection while a slow host answers,
 * and so code deep inside can ask for something to happen once the transaction has committed.
 */
interface Scope {
  committed: (() => void)[];
}
const scope = new AsyncLocalStorage<Scope>();

/** Runs `run` as a transaction's body; the returned `committed` tasks are the caller's to run after commit. */
export async function runInTransactionScope<T>(run: () => Promise<T>, committed: (() => void)[] = []): Promise<T> {
  return scope.run({ committed }, run);
}

export function assertOutsideTransaction(what: string): void {
  if (scope.getStore()) throw new Error(`${what} inside a database transaction: move it to ctx.afterCommit`);
}

/** Runs `task` once the surrounding entry point's transaction has committed, or now outside one. */
export function whenCommitted(task: () => void): void {
  const current = scope.getStore();
  if (current) current.committed.push(task);
  else task();
}
