"use client";

import { useEffect, useState, type ComponentProps } from "react";
import type { ExternalToast, Toaster as SonnerToaster } from "sonner";

/**
 * Toasts without sonner on every page's first load: `toast` here has the calls the app makes (success,
 * error), and the first one imports sonner, mounts the Toaster the root layout placed (LazyToaster) and
 * shows the toast once the Toaster listens. Until then no page needs it; sonner was 12 KB gzip of every
 * page's JavaScript.
 */
type Sonner = typeof import("sonner");
let sonner: Promise<Sonner> | null = null;
const loadSonner = () => (sonner ??= import("sonner"));

let wanted = false;
let mountToaster: (() => void) | null = null;
let listening: () => void;
const toasterListens = new Promise<void>((resolve) => (listening = resolve));

async function show(kind: "success" | "error", message: string, data?: ExternalToast) {
  wanted = true;
  mountToaster?.();
  const { toast } = await loadSonner();
  await toasterListens;
  toast[kind](message, data);
}

export const toast = {
  success: (message: string, data?: ExternalToast) => void show("success", message, data),
  error: (message: string, data?: ExternalToast) => void show("error", message, data),
};

/** The root layout's Toaster: nothing until the first toast, then sonner's own, with these props. */
export function LazyToaster(props: ComponentProps<typeof SonnerToaster>) {
  const [loaded, setLoaded] = useState<Sonner | null>(null);
  useEffect(() => {
    mountToaster = () => void loadSonner().then(setLoaded);
    if (wanted) mountToaster();
    return () => {
      mountToaster = null;
    };
  }, []);
  if (!loaded) return null;
  return (
    <>
      <loaded.Toaster {...props} />
      <Listening />
    </>
  );
}

/** After the Toaster: its effects (subscribing to toasts) have run when this one's does. */
function Listening() {
  useEffect(() => listening(), []);
  return null;
}
