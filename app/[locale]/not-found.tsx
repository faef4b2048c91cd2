import { getLocale } from "next-intl/server";
import { NotFoundMessage } from "@/components/layout/not-found-message";

/** A public address in a locale that no page answers, or a record readers cannot see. */
export default async function NotFound() {
  return <NotFoundMessage locale={await getLocale()} />;
}
