import { NOT_FOUND_TEXT, StatusMessage } from "@/components/shell/status-page";

/** notFound() from a console page (an unknown or someone else's account, event): inside the console, status 404. */
export default function ConsoleNotFound() {
  return (
    <StatusMessage code="404" title="Page not found" signedIn>
      {NOT_FOUND_TEXT}
    </StatusMessage>
  );
}
