import { getLocale } from "next-intl/server";
import { NotFoundMessage } from "@/components/layout/not-found-message";

/** A desk address no page answers, or a record that does not exist. */
export default async function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <NotFoundMessage locale={await getLocale()} />
    </main>
  );
}
