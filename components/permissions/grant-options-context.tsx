"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { GrantOptions } from "./permissions-dialog";

const GrantOptionsContext = createContext<GrantOptions | null>(null);

/**
 * The permissions modal's resource lists, sent to the browser once per page: passed to every member
 * row instead, 50 rows carried 50 copies of every project, instance and server.
 */
export function GrantOptionsProvider({ options, children }: { options: GrantOptions | null; children: ReactNode }) {
  return <GrantOptionsContext.Provider value={options}>{children}</GrantOptionsContext.Provider>;
}

export function useGrantOptions(): GrantOptions | null {
  return useContext(GrantOptionsContext);
}
