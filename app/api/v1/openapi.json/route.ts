import { withApiUser } from "@/lib/api/with-api-user";
import { openApiDocument } from "@/lib/api/openapi";

export function GET() {
  return withApiUser("matrix:read", "api: openapi", async () => Response.json(openApiDocument));
}
