import { z } from "zod";
import { createVerdictInput } from "@/lib/services/verdicts/create-verdict";
import { transitionVerdictInput, WORKFLOW_STEPS } from "@/lib/services/verdicts/transition-verdict";
import { updateVerdictInput } from "@/lib/services/verdicts/update-verdict";
import { json, type Operation } from "../operation";
import { requestBody } from "../request-body";
import { verdictRow } from "../schemas";

const claimId = z.string().meta({ description: "The claim's id." });
const verdictId = { id: z.string().meta({ description: "The verdict version's id." }) };
const verdictResult = z.object({ verdict: verdictRow });

/** The workflow's steps as the path names them (`request-changes`). */
const PATH_STEPS = WORKFLOW_STEPS.map((step) => step.replace(/_/g, "-"));

export const verdictOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/claims/{id}/verdicts",
    operationId: "createVerdict",
    summary: "Start the verdict on a claim (a draft)",
    tag: "Verdicts",
    access: "signed-in",
    params: { id: claimId },
    body: {
      schema: requestBody(createVerdictInput, ["claimId"]),
      example: { rating: "false", summary: "Three civilians, including a 6-year-old girl, were killed." },
    },
    responses: {
      201: json("The draft.", z.object({ id: z.number().int(), version: z.number().int(), seq: z.number().int() }), {
        example: { id: 5, version: 1, seq: 1 },
      }),
    },
  },
  {
    method: "patch",
    path: "/api/v1/verdicts/{id}",
    operationId: "updateVerdict",
    summary: "Edit a draft verdict",
    description: "Its author, or an editor; a stale `version` is a 409.",
    tag: "Verdicts",
    access: "signed-in",
    params: verdictId,
    body: {
      schema: requestBody(updateVerdictInput, ["verdictId"]),
      example: { version: 1, summary: "Three civilians, including a 6-year-old girl, were killed." },
    },
    responses: { 200: json("The version as saved.", verdictResult) },
  },
  {
    method: "post",
    path: "/api/v1/verdicts/{id}/{step}",
    operationId: "transitionVerdict",
    summary: "Take a workflow step: submit, withdraw, request changes, publish, correct, retract, discard",
    description:
      "As `lib/workflow` allows for the caller's role and authorship: `request-changes` needs a `comment`, publishing a " +
      "correction a public `note`, `retract` a public `reason`; publishing goes through the gate (rating, summary, a " +
      "rationale of 200 characters, one evidence item with a URL) and needs an editor who neither wrote nor edited it.",
    tag: "Verdicts",
    access: "signed-in",
    params: { ...verdictId, step: z.enum(PATH_STEPS as [string, ...string[]]) },
    body: {
      schema: requestBody(transitionVerdictInput, ["verdictId", "step"]),
      example: { version: 2, comment: "Add the city council's list of the dead." },
    },
    responses: { 200: json("The version the step produced.", verdictResult) },
  },
];
