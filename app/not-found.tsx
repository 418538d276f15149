import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-gray-700">There is nothing here, or you don&apos;t have access to it.</p>
      <Link href="/workspace/select" className="font-medium text-brand-text underline">
        Go to your workspaces
      </Link>
    </main>
  );
}
