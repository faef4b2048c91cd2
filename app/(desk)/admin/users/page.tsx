import type { Metadata } from "next";
import { Forbidden } from "@/components/layout/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser, userCan } from "@/lib/auth/session";
import { listUsers } from "@/lib/services/users/list-users";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requireUser("/admin/users");
  if (!userCan(user, "users:manage")) return <Forbidden what="manage user accounts" />;
  const users = await listUsers(user.actor);
  return (
    <>
      <PageHeader title="Users">
        Create accounts, change roles, and disable accounts. A disabled account is signed out and its API tokens stop
        working at its next request.
      </PageHeader>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Accounts</caption>
            <thead className="border-b border-line bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-3 py-2">
                  Role
                </th>
                <th scope="col" className="px-3 py-2">
                  Change
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
            New account
          </h2>
          <CreateUserForm />
        </section>
      </div>
    </>
  );
}
