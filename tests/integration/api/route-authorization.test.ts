import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as ratingRoute from "@/app/api/v1/rating-scale/route";
import * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";
import * as userRoute from "@/app/api/v1/users/[id]/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as claimsRoute from "@/app/api/v1/claims/route";
import * as claimantsRoute from "@/app/api/v1/claimants/route";
import * as disputesRoute from "@/app/api/v1/disputes/route";
import * as documentRoute from "@/app/api/v1/documents/[id]/route";
import * as documentsRoute from "@/app/api/v1/documents/route";
import * as textRoute from "@/app/api/v1/documents/[id]/text/route";
import * as annotationsImportRoute from "@/app/api/v1/documents/[id]/annotations/route";
import * as exportRoute from "@/app/api/v1/exports/[format]/route";
import { importDocument } from "@/lib/services/documents/import-document";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { updateUser } from "@/lib/services/users/update-user";
import { createTestDb, insertUser } from "../../support/db";
import { callRoute } from "../../support/http";

type Who = "anonymous" | "contributor" | "editor" | "admin" | "disabled" | "revoked";

let t: ReturnType<typeof createTestDb>;
const tokens: Partial<Record<Who, string>> = {};
const actors: Partial<Record<Who, Actor>> = {};
let target: number;
let docId: number;
let seq = 0;

beforeAll(async () => {
  t = createTestDb();
  for (const role of ["contributor", "editor", "admin"] as const) {
    actors[role] = await insertUser(t.db, `${role}@example.org`, role);
    tokens[role] = createApiToken(actors[role]!, {}).token;
  }
  const disabled = await insertUser(t.db, "disabled@example.org", "admin");
  tokens.disabled = createApiToken(disabled, {}).token;
  updateUser(actors.admin!, { userId: disabled.userId, disabled: true });
  const revoked = createApiToken(actors.admin!, {});
  revokeApiToken(actors.admin!, { tokenId: revoked.record.id });
  tokens.revoked = revoked.token;
  target = (await insertUser(t.db, "target@example.org", "contributor")).userId;
  docId = (await importDocument(actors.admin!, { title: "Doc", text: "Alpha beta gamma delta." })).id;
});
afterAll(() => t.close());

const ALL = (status: number) => ({ anonymous: status, contributor: status, editor: status, admin: status, disabled: 401, revoked: 401 });
const SIGNED_IN = (status: number) => ({ ...ALL(status), anonymous: 401 });
const ADMIN_ONLY = (status: number) => ({ ...SIGNED_IN(403), admin: status });
const EDITORS = (status: number) => ({ ...SIGNED_IN(403), editor: status, admin: status });

// Every route of this foundation, with the status each kind of caller gets.
const ROUTES: { name: string; call: (token?: string) => ReturnType<typeof callRoute>; expected: Record<Who, number> }[] = [
  { name: "GET /api/health", call: (token) => callRoute(healthRoute.GET, "GET", "/api/health", { token }), expected: { ...ALL(200), disabled: 200, revoked: 200 } },
  { name: "GET /api/v1/rating-scale", call: (token) => callRoute(ratingRoute.GET, "GET", "/api/v1/rating-scale", { token }), expected: ALL(200) },
  { name: "GET /api/v1/me", call: (token) => callRoute(meRoute.GET, "GET", "/api/v1/me", { token }), expected: SIGNED_IN(200) },
  { name: "GET /api/v1/tokens", call: (token) => callRoute(tokensRoute.GET, "GET", "/api/v1/tokens", { token }), expected: SIGNED_IN(200) },
  { name: "POST /api/v1/tokens", call: (token) => callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", { token, body: { name: "t" } }), expected: SIGNED_IN(201) },
  {
    name: "DELETE /api/v1/tokens/{id} (own)",
    call: async (token) => {
      // Each caller revokes a token of their own, made for the occasion by the same token.
      const made = await callRoute(tokensRoute.POST, "POST", "/api/v1/tokens", { token, body: {} });
      if (made.status !== 201) return made; // callers who cannot create one are refused the same way
      const id = String(made.json.record.id);
      return callRoute(tokenRoute.DELETE, "DELETE", `/api/v1/tokens/${id}`, { token, params: { id } });
    },
    expected: SIGNED_IN(200),
  },
  { name: "GET /api/v1/users", call: (token) => callRoute(usersRoute.GET, "GET", "/api/v1/users", { token }), expected: ADMIN_ONLY(200) },
  {
    name: "POST /api/v1/users",
    call: (token) => callRoute(usersRoute.POST, "POST", "/api/v1/users", { token, body: { email: `n${++seq}@example.org`, name: "N", role: "contributor" } }),
    expected: ADMIN_ONLY(201),
  },
  {
    name: "PATCH /api/v1/users/{id}",
    call: (token) => callRoute(userRoute.PATCH, "PATCH", `/api/v1/users/${target}`, { token, params: { id: String(target) }, body: { name: `T${++seq}` } }),
    expected: ADMIN_ONLY(200),
  },
  { name: "GET /api/v1/documents", call: (token) => callRoute(documentsRoute.GET, "GET", "/api/v1/documents", { token }), expected: SIGNED_IN(200) },
  {
    name: "POST /api/v1/documents",
    call: (token) => callRoute(documentsRoute.POST, "POST", "/api/v1/documents", { token, body: { text: `Text ${++seq}.` } }),
    expected: SIGNED_IN(201),
  },
  {
    name: "GET /api/v1/documents/{id}",
    call: (token) => callRoute(documentRoute.GET, "GET", `/api/v1/documents/${docId}`, { token, params: { id: String(docId) } }),
    expected: SIGNED_IN(200),
  },
  {
    name: "PUT /api/v1/documents/{id}/text",
    call: async (token) => {
      const current = await callRoute(documentRoute.GET, "GET", `/api/v1/documents/${docId}`, { token: tokens.admin, params: { id: String(docId) } });
      const baseRevision = current.json.document.revision;
      return callRoute(textRoute.PUT, "PUT", `/api/v1/documents/${docId}/text`, { token, params: { id: String(docId) }, body: { baseRevision, text: `Alpha beta gamma delta. ${++seq}` } });
    },
    expected: SIGNED_IN(200),
  },
  {
    name: "POST /api/v1/claims",
    call: async (token) => {
      const current = await callRoute(documentRoute.GET, "GET", `/api/v1/documents/${docId}`, { token: tokens.admin, params: { id: String(docId) } });
      const body = { documentId: docId, revision: current.json.document.revision, start: 0, end: 5, claimant: { name: "Someone" } };
      return callRoute(claimsRoute.POST, "POST", "/api/v1/claims", { token, body });
    },
    expected: SIGNED_IN(201),
  },
  { name: "GET /api/v1/claimants", call: (token) => callRoute(claimantsRoute.GET, "GET", "/api/v1/claimants", { token }), expected: SIGNED_IN(200) },
  {
    name: "POST /api/v1/claimants",
    call: (token) => callRoute(claimantsRoute.POST, "POST", "/api/v1/claimants", { token, body: { name: `Claimant ${++seq}` } }),
    expected: SIGNED_IN(201),
  },
  {
    name: "POST /api/v1/disputes",
    call: (token) => callRoute(disputesRoute.POST, "POST", "/api/v1/disputes", { token, body: { question: `Question number ${++seq}?` } }),
    expected: SIGNED_IN(201),
  },
  {
    name: "POST /api/v1/documents/{id}/annotations",
    call: (token) =>
      callRoute(annotationsImportRoute.POST, "POST", `/api/v1/documents/${docId}/annotations`, {
        token,
        params: { id: String(docId) },
        body: { annotations: { type: "Annotation", target: { selector: { type: "TextQuoteSelector", exact: "gamma" } } }, claimant: { name: "Someone" } },
      }),
    expected: SIGNED_IN(201),
  },
  { name: "GET /api/v1/exports/json", call: (token) => callRoute(exportRoute.GET, "GET", "/api/v1/exports/json", { token, params: { format: "json" } }), expected: ALL(200) },
  {
    name: "GET /api/v1/exports/json?includeDrafts=1",
    call: (token) => callRoute(exportRoute.GET, "GET", "/api/v1/exports/json?includeDrafts=1", { token, params: { format: "json" } }),
    expected: EDITORS(200),
  },
];

describe("who may call which route", () => {
  const cases = ROUTES.flatMap((r) => (Object.keys(r.expected) as Who[]).map((who) => ({ ...r, who, status: r.expected[who] })));
  it.each(cases)("$name as $who should answer $status", async ({ call, who, status }) => {
    const res = await call(tokens[who]);
    expect(res.status).toBe(status);
    if (status >= 400) expect(res.json.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
  });
});
