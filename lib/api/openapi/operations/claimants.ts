import { z } from "zod";
import { createClaimantInput } from "@/lib/services/claimants/create-claimant";
import { updateClaimantInput } from "@/lib/services/claimants/update-claimant";
import { json, type Operation } from "../operation";
import { requestBody } from "../request-body";
import { claimantRow, verdictStatus } from "../schemas";

const int = () => z.number().int();

const claimantListItem = claimantRow
  .pick({ id: true, slug: true, name: true, description: true, sameAs: true })
  .extend({ claims: int().meta({ description: "How many claims they made." }) });

const claimantClaim = z.object({
  id: int(),
  statement: z.string(),
  quote: z.string(),
  documentId: int(),
  documentTitle: z.string(),
  verdict: verdictStatus.nullable(),
});

const claimantId = { id: z.string().meta({ description: "The claimant's id." }) };

export const claimantOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/claimants",
    operationId: "listClaimants",
    summary: "Find claimants",
    tag: "Claimants",
    access: "signed-in",
    query: z.object({ q: z.string().optional().meta({ description: "Words of the name or affiliation." }) }),
    responses: { 200: json("Up to 50 claimants by name.", z.object({ claimants: z.array(claimantListItem) })) },
  },
  {
    method: "post",
    path: "/api/v1/claimants",
    operationId: "createClaimant",
    summary: "Add a claimant",
    tag: "Claimants",
    access: "signed-in",
    body: {
      schema: createClaimantInput,
      example: { name: "Dmytro Kuleba", description: "Foreign minister of Ukraine", kind: "person" },
    },
    responses: { 201: json("The claimant.", z.object({ claimant: claimantRow })) },
  },
  {
    method: "get",
    path: "/api/v1/claimants/{id}",
    operationId: "getClaimant",
    summary: "A claimant with their claims",
    tag: "Claimants",
    access: "signed-in",
    params: claimantId,
    responses: { 200: json("The claimant.", z.object({ claimant: claimantRow, claims: z.array(claimantClaim) })) },
  },
  {
    method: "patch",
    path: "/api/v1/claimants/{id}",
    operationId: "updateClaimant",
    summary: "Edit a claimant",
    description:
      "`kind` sets ClaimReview's author type (unset, it is guessed from the name). What readers see changes when an " +
      "editor publishes the change.",
    tag: "Claimants",
    access: "signed-in",
    params: claimantId,
    body: {
      schema: requestBody(updateClaimantInput, ["claimantId"]),
      example: { version: 1, sameAs: "https://www.wikidata.org/wiki/Q166019", kind: "person" },
    },
    responses: { 200: json("The claimant as saved.", z.object({ claimant: claimantRow })) },
  },
];
