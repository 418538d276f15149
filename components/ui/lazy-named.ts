import { lazy, type ComponentType, type LazyExoticComponent } from "react";

// Any props, as React.lazy's own signature takes.
type LazyComponent = ComponentType<any>;

/**
 * React.lazy for a named export: `lazyNamed(loadDialogs, "TopUpDialog")`. React.lazy takes a module's
 * default export only, and the modules loaded on demand here export several components that travel together
 * (one chunk, fetched once, for every dialog of a row menu).
 */
export function lazyNamed<K extends string, M extends { [P in K]: LazyComponent }>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
