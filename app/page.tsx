import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/guard";

export default async function Home() {
  await requirePageActor();
  redirect("/admin/api-tokens");
}
