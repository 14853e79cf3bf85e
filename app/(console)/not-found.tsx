import { NotFoundContent } from "@/components/shell/not-found-content";

/** notFound() from a console page (an unknown or someone else's account, event): inside the console, status 404. */
export default function ConsoleNotFound() {
  return <NotFoundContent signedIn />;
}
