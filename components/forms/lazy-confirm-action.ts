import type { ConfirmAction } from "./confirm-action";
import { lazyNamed } from "@/components/ui/lazy-named";

/**
 * ConfirmAction, loaded on its first opening rather than with every list page that offers one (it brings
 * Radix Dialog). React.lazy rather than next/dynamic, whose loader code would ship with every such page.
 */
export const LazyConfirmAction = lazyNamed(() => import("./confirm-action"), "ConfirmAction") as unknown as typeof ConfirmAction;
