// next-auth's own endpoints (session, CSRF, callback). Sign-in goes through the same authorize(), so the
// rate limit and the audit trail apply here too.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { atRequestOrigin } from "@/lib/auth/sso/request-origin";

// next-auth's handlers take any Request (they read only its URL, headers and body) though typed as NextRequest.
export const GET = (request: NextRequest) => handlers.GET(atRequestOrigin(request) as NextRequest);
export const POST = (request: NextRequest) => handlers.POST(atRequestOrigin(request) as NextRequest);
