"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useServiceAction } from "@/components/ui/use-service-action";
import type { ActionResult } from "@/lib/auth/form-action";

/** A notification as the page shows it: its words in the reader's language, when, and the claim it is about. */
export type NotificationRow = {
  id: number;
  message: string;
  /** When it came, in words; `at`: the same instant, ISO 8601. */
  when: string;
  at: string;
  href: string | null;
  unread: boolean;
};

/**
 * The notifications, newest first, unread ones marked in words; each unread one can be marked read, or all at once.
 * What was done is said in a status line, which takes the focus from the button that goes away with it.
 */
export function NotificationList({
  items,
  unread,
  markRead,
}: {
  items: NotificationRow[];
  unread: number;
  markRead: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("desk.notifications");
  const { run, pending, error } = useServiceAction(markRead);
  const [said, setSaid] = useState("");
  const status = useRef<HTMLParagraphElement>(null);
  async function mark(input: { ids: number[] } | { all: true }, done: string) {
    if (!(await run(input))) return;
    setSaid(done);
    status.current?.focus();
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm" data-testid="unread-count">
          {t("unreadCount", { count: unread })}
        </p>
        {unread > 0 && (
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={() => void mark({ all: true }, t("allMarked"))}
          >
            {t("markAll")}
          </Button>
        )}
      </div>
      <p ref={status} tabIndex={-1} role="status" className="text-sm text-ok empty:hidden">
        {said}
      </p>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error.message}
        </p>
      )}
      <ol className="divide-y divide-line rounded-lg border border-line bg-white">
        {items.map((n) => (
          <li
            key={n.id}
            className={`flex flex-wrap items-start justify-between gap-3 px-4 py-3 text-sm ${
              n.unread ? "border-s-4 border-s-accent bg-blue-50/40" : ""
            }`}
            data-testid={`notification-${n.id}`}
          >
            <div className="min-w-0 flex-1 space-y-1">
              <p id={`notification-${n.id}-text`} className={n.unread ? "font-semibold" : undefined}>
                {n.unread && (
                  <span className="me-2 rounded border border-accent px-1 text-xs font-semibold uppercase text-accent">
                    {t("unread")}
                  </span>
                )}
                {n.href ? (
                  <Link href={n.href} className="text-accent underline">
                    {n.message}
                  </Link>
                ) : (
                  n.message
                )}
              </p>
              <p className="text-xs text-muted">
                <time dateTime={n.at}>{n.when}</time>
              </p>
            </div>
            {n.unread && (
              <Button
                type="button"
                variant="link"
                className="text-sm"
                disabled={pending}
                aria-describedby={`notification-${n.id}-text`}
                onClick={() => void mark({ ids: [n.id] }, t("marked"))}
              >
                {t("markRead")}
              </Button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
