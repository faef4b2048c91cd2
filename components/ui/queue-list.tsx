import type { ReactNode } from "react";

/**
 * A titled list of work items with an empty-state sentence; `id` names its heading (the list is labelled by it). A
 * list showing the first of more items says how many there are in all (`total`) and where the rest are (`footer`).
 */
export function QueueList<T>({
  id,
  title,
  items,
  empty,
  render,
  total,
  footer,
}: {
  id: string;
  title: string;
  items: T[];
  empty: string;
  render: (item: T) => ReactNode;
  total?: number;
  footer?: ReactNode;
}) {
  const headingId = `queue-${id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line bg-white">
      <h2 id={headingId} className="border-b border-line px-4 py-2 text-sm font-semibold">
        {title} <span className="font-normal text-muted">({total ?? items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">{empty}</p>
      ) : (
        <ul className="divide-y divide-line">
          {items.map((item, i) => (
            <li key={i} className="px-4 py-3 text-sm">
              {render(item)}
            </li>
          ))}
        </ul>
      )}
      {footer && <div className="border-t border-line px-4 py-2 text-sm">{footer}</div>}
    </section>
  );
}
