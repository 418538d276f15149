/**
 * How code that queued work (an email in the outbox) asks this process's worker to run soon, without
 * importing the worker (which imports the queues). The worker sets `wake` when it starts; until then,
 * and in processes without one, it does nothing and the next tick of any instance's worker picks it up.
 */
export const queueSignal: { wake: () => void } = { wake: () => {} };
