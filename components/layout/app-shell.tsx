import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";
import { AppHeader } from "./app-header";

/** The frame of every logged-in page; sends anyone without an active session to sign in. */
export async function AppShell({ returnTo, children }: { returnTo: string; children: ReactNode }) {
  const user = await requireUser(returnTo);
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
