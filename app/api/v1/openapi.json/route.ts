import { apiHandler } from "@/lib/api/api-handler";
import { openApiDocument } from "@/lib/api/openapi";

export const GET = apiHandler({ permission: "matrix:read", what: "api: openapi" }, async () => Response.json(openApiDocument));
