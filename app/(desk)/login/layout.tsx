import type { ReactNode } from "react";
import { PublicHeader } from "@/components/layout/public-header";

export default function LoginLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PublicHeader switcher={false} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
