import type { ReactNode } from "react";

const TONES = {
  error: "border-danger/40 bg-red-50 text-danger",
  success: "border-ok/40 bg-green-50 text-ok",
  info: "border-line bg-white text-ink",
} as const;

/** A message box; errors are announced to screen readers at once, others politely. */
export function Alert({ tone = "info", children }: { tone?: keyof typeof TONES; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]}`}>
      {children}
    </div>
  );
}
