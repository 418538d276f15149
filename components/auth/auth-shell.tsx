import type { ReactNode } from "react";
import { LayoutGrid } from "lucide-react";

export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex flex-col items-center gap-2 text-center">
          <LayoutGrid aria-hidden className="size-8 text-brand-text" />
          <h1 className="text-2xl font-semibold text-gray-900">{title}</h1>
        </div>
        <div className="rounded-lg border border-gray-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
