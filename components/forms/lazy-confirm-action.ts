import { lazy } from "react";
import type { ConfirmAction } from "./confirm-action";

/**
 * ConfirmAction, loaded on its first opening rather than with every list page that offers one (it brings
 * Radix Dialog). React.lazy rather than next/dynamic, whose loader code would ship with every such page.
 */
export const LazyConfirmAction = lazy(() => import("./confirm-action").then((m) => ({ default: m.ConfirmAction }))) as unknown as typeof ConfirmAction;
