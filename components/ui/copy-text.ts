import { toast } from "sonner";

/** Copies text and says so; a browser that blocks the clipboard gets a way to do it by hand. */
export async function copyText(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast.success(`${what[0]!.toUpperCase()}${what.slice(1)} copied`);
  } catch {
    toast.error(`Copying was blocked by the browser: select the ${what} and copy ${what.endsWith("s") ? "them" : "it"} by hand.`);
  }
}
