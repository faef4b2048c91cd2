import { getRatingScale } from "@/db/queries/ratings";
import { apiRoute } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

export const GET = apiRoute(() => ({ ratings: getRatingScale() }));
