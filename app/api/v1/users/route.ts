import { apiRoute, created, readJson } from "@/lib/api/handler";
import { createUser } from "@/lib/services/users/create-user";
import { listUsers } from "@/lib/services/users/list-users";

export const GET = apiRoute(async ({ actor }) => ({ users: await listUsers(actor) }));

export const POST = apiRoute(async ({ req, actor }) => created(await createUser(actor, await readJson(req))));
