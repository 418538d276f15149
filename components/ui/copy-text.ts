import { toast } from "@/components/ui/toaster";

/**
 * Copies text and says so; a browser that blocks the clipboard gets a way to do it by hand. `what` is
 * either the translated toasts (`{ copied, blocked }`, from the caller's catalog namespace) or, in areas
 * not yet translated, an English noun the toasts are built around.
 */
export async function copyText(text: string, what: string | { copied: string; blocked: string }): Promise<void> {
  const words =
    typeof what === "string"
      ? { copied: `${what[0]!.toUpperCase()}${what.slice(1)} copied`, blocked: `Copying was blocked by the browser: select the ${what} and copy ${what.endsWith("s") ? "them" : "it"} by hand.` }
      : what;
  try {
    await navigator.clipboard.writeText(text);
    toast.success(words.copied);
  } catch {
    toast.error(words.blocked);
  }
}
