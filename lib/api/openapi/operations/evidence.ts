import { z } from "zod";
import { STANCES } from "@/db/enums";
import { addEvidenceInput } from "@/lib/services/evidence/add-evidence";
import { changeLinkInput, updateEvidenceInput } from "@/lib/services/evidence/change-evidence";
import { json, noBody, type Operation } from "../operation";
import { requestBody } from "../request-body";
import { evidenceLinkRow, evidenceRow } from "../schemas";

const claimId = z.string().meta({ description: "The claim's id." });
const evidenceId = z.string().meta({ description: "The evidence item's id." });

export const evidenceOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/claims/{id}/evidence",
    operationId: "addEvidence",
    summary: "Add evidence to a claim, with its stance",
    description:
      "A new item (`url`, `title`, `sourceType`, …) or an existing one (`evidenceId`), linked with the stance it " +
      "takes toward this claim. Linking one item twice to a claim is a 409.",
    tag: "Evidence",
    access: "signed-in",
    params: { id: claimId },
    body: {
      schema: requestBody(addEvidenceInput, ["claimId"]),
      example: {
        url: "https://www.osce.org/odihr/515868",
        title: "OSCE Moscow Mechanism report",
        sourceType: "document",
        stance: "refutes",
        publishedAt: "2022-04-13",
      },
    },
    responses: {
      201: json(
        "The link.",
        z.object({ evidenceId: z.number().int(), claimId: z.number().int(), stance: z.enum(STANCES) }),
      ),
    },
  },
  {
    method: "patch",
    path: "/api/v1/claims/{id}/evidence/{evidenceId}",
    operationId: "changeEvidenceLink",
    summary: "Change the stance an item takes toward a claim",
    tag: "Evidence",
    access: "signed-in",
    params: { id: claimId, evidenceId },
    body: { schema: requestBody(changeLinkInput, ["claimId", "evidenceId"]), example: { stance: "context" } },
    responses: { 200: json("The link as saved.", z.object({ link: evidenceLinkRow })) },
  },
  {
    method: "delete",
    path: "/api/v1/claims/{id}/evidence/{evidenceId}",
    operationId: "unlinkEvidence",
    summary: "Unlink an item from a claim (the item stays)",
    tag: "Evidence",
    access: "signed-in",
    params: { id: claimId, evidenceId },
    responses: { 204: noBody("Unlinked.") },
  },
  {
    method: "patch",
    path: "/api/v1/evidence/{id}",
    operationId: "updateEvidence",
    summary: "Edit an evidence item",
    description: "Published verdicts keep the item as they cited it; readers see the change with the next version.",
    tag: "Evidence",
    access: "signed-in",
    params: { id: evidenceId },
    body: {
      schema: requestBody(updateEvidenceInput, ["evidenceId"]),
      example: { version: 1, archiveUrl: "https://web.archive.org/web/2022/https://www.osce.org/odihr/515868" },
    },
    responses: { 200: json("The item as saved.", z.object({ evidence: evidenceRow })) },
  },
];
