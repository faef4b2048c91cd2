import { z } from "zod";
import { createDisputeInput } from "@/lib/services/disputes/create-dispute";
import { updateDisputeInput } from "@/lib/services/disputes/update-dispute";
import { json, type Operation } from "../operation";
import { requestBody } from "../request-body";
import { disputeRow, verdictStatus } from "../schemas";

const int = () => z.number().int();

const disputeListItem = disputeRow
  .pick({ id: true, slug: true, question: true, eventDate: true, updatedAt: true })
  .extend({ accounts: int().meta({ description: "How many accounts it has." }) });

const disputeAccount = z
  .object({
    claimId: int(),
    label: z.string(),
    statement: z.string(),
    quote: z.string(),
    claimant: z.string(),
    documentId: int(),
    documentTitle: z.string(),
    verdict: verdictStatus.nullable(),
  })
  .meta({ id: "DisputeAccount" });

const disputeId = { id: z.string().meta({ description: "The dispute's id." }) };

export const disputeOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/disputes",
    operationId: "listDisputes",
    summary: "List disputes, newest first",
    tag: "Disputes",
    access: "signed-in",
    responses: { 200: json("The disputes.", z.object({ disputes: z.array(disputeListItem) })) },
  },
  {
    method: "post",
    path: "/api/v1/disputes",
    operationId: "createDispute",
    summary: "Open a dispute: competing accounts of one event",
    tag: "Disputes",
    access: "signed-in",
    body: {
      schema: createDisputeInput,
      example: {
        question: "Was the Mariupol maternity hospital a civilian site when it was struck?",
        eventDate: "2022-03-09",
        accounts: [
          { claimId: 1, label: "Russian foreign ministry" },
          { claimId: 2, label: "Mariupol city council" },
        ],
      },
    },
    responses: { 201: json("The dispute.", z.object({ dispute: disputeRow })) },
  },
  {
    method: "get",
    path: "/api/v1/disputes/{id}",
    operationId: "getDispute",
    summary: "A dispute with its accounts, in order",
    tag: "Disputes",
    access: "signed-in",
    params: disputeId,
    responses: { 200: json("The dispute.", z.object({ dispute: disputeRow, accounts: z.array(disputeAccount) })) },
  },
  {
    method: "patch",
    path: "/api/v1/disputes/{id}",
    operationId: "updateDispute",
    summary: "Edit a dispute",
    description: "`accounts` replaces them, in order (with `version`).",
    tag: "Disputes",
    access: "signed-in",
    params: disputeId,
    body: {
      schema: requestBody(updateDisputeInput, ["disputeId"]),
      example: { version: 1, description: "Two accounts of one strike." },
    },
    responses: { 200: json("The dispute as saved.", z.object({ dispute: disputeRow })) },
  },
];
