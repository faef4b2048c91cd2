import { useTranslations } from "next-intl";

/** Whether a deadline has passed (work due then and not finished is overdue). */
export function isPastDue(dueAt: Date, now: number = Date.now()): boolean {
  return dueAt.getTime() <= now;
}

/**
 * A claim's deadline as the desk shows it: the instant in UTC, or "no deadline"; a passed deadline of open work says
 * "overdue" in words as well as in colour.
 */
export function DueDate({ dueAt, open = true }: { dueAt: Date | null; open?: boolean }) {
  const t = useTranslations("desk.assignments");
  if (!dueAt) return <span className="text-muted">{t("noDeadline")}</span>;
  const overdue = open && isPastDue(dueAt);
  return (
    <span className={overdue ? "text-danger" : undefined}>
      {t("dueAt", { dueAt })}
      {overdue && (
        <>
          {" "}
          <strong className="rounded border border-danger/40 px-1 text-xs font-semibold uppercase">
            {t("overdue")}
          </strong>
        </>
      )}
    </span>
  );
}
