import { z } from "zod";

export const resumeTokenSchema = z.object({ tokenId: z.uuid() });
