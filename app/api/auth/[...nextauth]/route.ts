// next-auth's own endpoints (session, CSRF, callback). Sign-in goes through the same authorize(), so the
// rate limit and the audit trail apply here too.
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
