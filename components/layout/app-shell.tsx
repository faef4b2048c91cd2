import { headers } from "next/headers";
import type { ReactNode } from "react";
import { PATH_HEADER } from "@/lib/auth/config";
import { requireUser } from "@/lib/auth/session";
import { AppHeader } from "./app-header";

/** The frame of every logged-in page; sends anyone without an active session to sign in and back. */
export async function AppShell({ children }: { children: ReactNode }) {
  const user = await requireUser((await headers()).get(PATH_HEADER) ?? "/editor");
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
