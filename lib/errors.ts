export type RefusalCode =
  | "UNAUTHENTICATED"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "INVALID"
  | "CONFLICT"
  /** Well-formed but unusable: an Idempotency-Key reused for another request. */
  | "UNPROCESSABLE"
  | "LIMIT"
  | "INTERNAL";

/**
 * A refusal the user can cause and should read about. Domain code throws it; the action factory
 * rolls the transaction back and returns it as a result, so it never becomes a 500.
 */
/** Where to go to resolve a refusal, e.g. the page to request a bigger quota. */
export interface RefusalHelp {
  label: string;
  href: string;
}

export class Refusal extends Error {
  help?: RefusalHelp;
  /** For LIMIT: seconds until trying again can succeed (a route's Retry-After). */
  retryAfterSeconds?: number;
  /** For FORBIDDEN: the permission key the caller lacks, which an API client reads from the problem document. */
  permission?: string;

  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "Refusal";
  }

  static field(field: string, message: string): Refusal {
    return new Refusal("INVALID", message, { [field]: message });
  }

  retryAfter(seconds: number): this {
    this.retryAfterSeconds = seconds;
    return this;
  }

  missing(permission: string): this {
    this.permission = permission;
    return this;
  }

  withHelp(help: RefusalHelp): this {
    this.help = help;
    return this;
  }

  static notFound(what = "That"): Refusal {
    return new Refusal("NOT_FOUND", `${what} was not found.`);
  }
}

export type ActionResult<T = void> =
  | { ok: true; data: T }
  | { ok: false; code: RefusalCode; error: string; fieldErrors?: Record<string, string>; help?: RefusalHelp };
