import { ROLES } from "@/db/enums";

const LABELS = {
  admin: "Admin — everything, plus accounts and rating scale",
  editor: "Editor — reviews and publishes",
  contributor: "Contributor — drafts and submits",
} as const;

/** The roles as select options, with what each may do. */
export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: LABELS[r] }));
