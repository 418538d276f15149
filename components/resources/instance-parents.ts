import type { SelectOption } from "@/components/ui/select";

/** The create-instance dialog's options, or why they could not be had: the server's message, or none when offline. */
export type InstanceParents = { projects: SelectOption[]; servers: SelectOption[] } | { error: string | null; offline: boolean };

/** Reused for this long after a pointer-over started the load; an opening after that asks again. */
const FRESH_MS = 30_000;
const loads = new Map<string, { promise: Promise<InstanceParents>; at: number }>();

/**
 * The projects and servers of `slug` a new instance may go on (lib/resources/routes.ts), one request per
 * opening of the dialog: started when the button is about to be pressed, read by the dialog with use().
 */
export function instanceParents(slug: string): Promise<InstanceParents> {
  const load = loads.get(slug);
  if (load && Date.now() - load.at < FRESH_MS) return load.promise;
  const promise = fetch(`/${slug}/instances/parents`, { headers: { accept: "application/json" } }).then(
    async (response): Promise<InstanceParents> => {
      const body = (await response.json().catch(() => ({}))) as { projects?: SelectOption[]; servers?: SelectOption[]; error?: string };
      if (response.ok && body.projects && body.servers) return { projects: body.projects, servers: body.servers };
      return { error: body.error ?? null, offline: false };
    },
    (): InstanceParents => ({ error: null, offline: true }),
  );
  loads.set(slug, { promise, at: Date.now() });
  return promise;
}

/** Drops what was loaded, so the next opening sees the projects and servers as they are then. */
export function forgetInstanceParents(slug: string): void {
  loads.delete(slug);
}
