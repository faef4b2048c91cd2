import { z } from "zod";
import { createTokenInput } from "@/lib/services/tokens/create-token";
import { createUserInput } from "@/lib/services/users/create-user";
import { interfaceLanguageInput } from "@/lib/services/users/interface-language";
import { updateUserInput } from "@/lib/services/users/update-user";
import { json, type Operation } from "../operation";
import { requestBody } from "../request-body";
import { tokenView, userView } from "../schemas";

const userResult = z.object({ user: userView });

export const accountOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/me",
    operationId: "getMe",
    summary: "The caller's account",
    tag: "Accounts",
    access: "signed-in",
    responses: { 200: json("The account.", userResult) },
  },
  {
    method: "patch",
    path: "/api/v1/me",
    operationId: "setInterfaceLanguage",
    summary: "Choose the language the caller's desk speaks",
    description: "A locale of the interface (`en`, `uk`, `ar`), or null (or empty) for the browser's.",
    tag: "Accounts",
    access: "signed-in",
    body: { schema: interfaceLanguageInput, example: { locale: "uk" } },
    responses: { 200: json("The account.", userResult) },
  },
  {
    method: "get",
    path: "/api/v1/users",
    operationId: "listUsers",
    summary: "List accounts (admin)",
    tag: "Accounts",
    access: "signed-in",
    responses: { 200: json("The accounts.", z.object({ users: z.array(userView) })) },
  },
  {
    method: "post",
    path: "/api/v1/users",
    operationId: "createUser",
    summary: "Create an account (admin, signed in)",
    description:
      "A new credential: only a signed-in admin session (or the command line) may make one; an API token gets 403. " +
      "Without `password`, a temporary one is generated and returned once.",
    tag: "Accounts",
    access: "session",
    body: {
      schema: createUserInput,
      example: { email: "jo@desk.example", name: "Jo Reporter", role: "contributor" },
    },
    responses: {
      201: json(
        "The account, and its temporary password when none was given.",
        z.object({ user: userView, temporaryPassword: z.string().nullable() }),
      ),
    },
  },
  {
    method: "patch",
    path: "/api/v1/users/{id}",
    operationId: "updateUser",
    summary: "Rename, change the role of, disable or enable an account (admin)",
    description: "Disabling ends its sessions and revokes its tokens for good. One active admin always remains.",
    tag: "Accounts",
    access: "signed-in",
    params: { id: z.string().meta({ description: "The account's id." }) },
    body: { schema: requestBody(updateUserInput, ["userId"]), example: { role: "editor", version: 1 } },
    responses: { 200: json("The account as saved.", userResult) },
  },
  {
    method: "get",
    path: "/api/v1/tokens",
    operationId: "listTokens",
    summary: "The caller's API tokens",
    tag: "Accounts",
    access: "signed-in",
    responses: { 200: json("The tokens.", z.object({ tokens: z.array(tokenView) })) },
  },
  {
    method: "post",
    path: "/api/v1/tokens",
    operationId: "createToken",
    summary: "Create a personal API token (signed in)",
    description:
      "Only a signed-in session may create one (a token gets 403). The token is in the answer once, and stored only " +
      "as a hash. `read` (the default) may only GET; it lasts `expiresInDays` (1–365, 90 unless given) or until " +
      "`expiresOn`.",
    tag: "Accounts",
    access: "session",
    body: {
      // `forEmail` (a token for another account) is the command line's alone: the API refuses it.
      schema: requestBody(createTokenInput, ["forEmail"]),
      example: { name: "CMS", scope: "write", expiresInDays: 30 },
    },
    responses: {
      201: json(
        "The token (shown this once) and its record.",
        z.object({
          token: z.string().meta({ description: "`cdk_…`: send it as `Authorization: Bearer`." }),
          record: tokenView,
        }),
      ),
    },
  },
  {
    method: "delete",
    path: "/api/v1/tokens/{id}",
    operationId: "revokeToken",
    summary: "Revoke a token",
    description: "The caller's own (a write token may revoke itself); an admin's, any.",
    tag: "Accounts",
    access: "signed-in",
    params: { id: z.string().meta({ description: "The token's id." }) },
    responses: { 200: json("The token, revoked.", z.object({ token: tokenView })) },
  },
];
