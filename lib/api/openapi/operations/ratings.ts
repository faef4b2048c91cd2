import { z } from "zod";
import { createRatingInput, reorderRatingsInput, updateRatingInput } from "@/lib/services/ratings/manage-ratings";
import { json, noBody, type Operation } from "../operation";
import { requestBody } from "../request-body";
import { ratingRow, scaleRating } from "../schemas";
import { notModified, publicCache } from "./public";

const tag = "Rating scale";
const ratingId = { id: z.string().meta({ description: "The rating's id." }) };
const scale = z.object({ ratings: z.array(scaleRating) });

export const ratingOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/rating-scale",
    operationId: "getRatingScale",
    summary: "The rating scale, in order",
    description: "Public JSON, like the claims': ETag, a minute in shared caches, CORS.",
    tag,
    access: "anyone",
    responses: { 200: { ...json("The ratings.", scale), headers: publicCache }, 304: notModified },
  },
  {
    method: "post",
    path: "/api/v1/rating-scale",
    operationId: "createRating",
    summary: "Add a rating at the end of the scale",
    tag,
    access: "signed-in",
    body: {
      schema: createRatingInput,
      example: {
        label: "Misleading",
        description: "Accurate in part, but leaves a false impression.",
        colour: "#b35900",
        ordinal: 2,
        translations: { uk: { label: "Маніпуляція", description: "" } },
      },
    },
    responses: { 201: json("The rating.", z.object({ rating: ratingRow })) },
  },
  {
    method: "patch",
    path: "/api/v1/rating-scale/{id}",
    operationId: "updateRating",
    summary: "Edit a rating",
    description: "Published verdicts keep the label they were published with; readers see it with a correction.",
    tag,
    access: "signed-in",
    params: ratingId,
    body: { schema: requestBody(updateRatingInput, ["ratingId"]), example: { version: 1, colour: "#a40e26" } },
    responses: { 200: json("The rating as saved.", z.object({ rating: ratingRow })) },
  },
  {
    method: "delete",
    path: "/api/v1/rating-scale/{id}",
    operationId: "deleteRating",
    summary: "Delete a rating no verdict uses",
    description: "409 naming the verdicts that use it.",
    tag,
    access: "signed-in",
    params: ratingId,
    responses: { 204: noBody("Deleted.") },
  },
  {
    method: "put",
    path: "/api/v1/rating-scale/order",
    operationId: "reorderRatings",
    summary: "Put the scale in a new order",
    tag,
    access: "signed-in",
    body: { schema: reorderRatingsInput, example: { order: [3, 1, 2] } },
    responses: { 200: json("The scale in its new order.", scale) },
  },
];
