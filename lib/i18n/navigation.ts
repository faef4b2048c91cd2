import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

/** Links and redirects between public pages, in the page's locale (desk pages have no locale in their address). */
export const { Link, usePathname } = createNavigation(routing);
