import { PageHeader } from "@/components/ui/page-header";

/** Shown when a signed-in user opens a page their role does not allow. */
export function Forbidden({ what }: { what: string }) {
  return (
    <section>
      <PageHeader title="Not allowed">
        Your role does not allow you to {what}. Ask an admin if you need access.
      </PageHeader>
    </section>
  );
}
