import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "link";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-accent text-white hover:bg-accent-strong border border-accent",
  secondary: "bg-white text-ink border border-line hover:bg-slate-50",
  danger: "bg-white text-danger border border-danger/40 hover:bg-red-50",
  link: "text-accent underline underline-offset-2 hover:text-accent-strong px-0 py-0",
};

/** A button in one of the app's styles. */
export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  const shape = variant === "link" ? "" : "rounded-md px-3 py-1.5 text-sm font-medium";
  return (
    <button
      className={`${shape} ${VARIANTS[variant]} disabled:cursor-not-allowed disabled:opacity-60 ${className}`}
      {...props}
    />
  );
}
