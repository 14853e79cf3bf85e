import { openApiDocument } from "@/lib/api/v1/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument());
}
