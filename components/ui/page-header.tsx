import type { ReactNode } from "react";

/** The title block of a page. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-6 border-b border-line pb-4">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{title}</h1>
      {children && <div className="mt-2 text-muted">{children}</div>}
    </div>
  );
}
