import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { auditDirectoryRefusals } from "@/lib/auth/directory-callback-audit";

const nextAuth = NextAuth(authOptions);

function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  return auditDirectoryRefusals(request, () => nextAuth(request, context));
}

export { handler as GET, handler as POST };
