import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/layout/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser, userCan } from "@/lib/auth/session";
import { listUsers } from "@/lib/services/users/list-users";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

export default async function UsersPage() {
  const user = await requireUser("/admin/users");
  const t = await getTranslations("admin.users");
  if (!userCan(user, "users:manage")) return <Forbidden what={t("forbidden")} />;
  const users = await listUsers(user.actor);
  return (
    <>
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-start text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-line bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("name")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("role")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("change")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {users.map((u) => (
                <UserRow key={u.id} user={u} isSelf={u.id === user.id} />
              ))}
            </tbody>
          </table>
        </div>
        <section aria-labelledby="new-user" className="rounded-lg border border-line bg-white p-4">
          <h2 id="new-user" className="mb-4 font-semibold">
            {t("newAccount")}
          </h2>
          <CreateUserForm />
        </section>
      </div>
    </>
  );
}
