import type { RequestMeta } from "@/lib/http/request-context";

/** The request metadata of what a job writes to the audit trail: no address, the job named as the request. */
export const jobMeta = (jobId: string): RequestMeta => ({ ip: null, userAgent: null, requestId: `job:${jobId}` });
