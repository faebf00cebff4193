#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded offline; `prisma generate` never calls it.
echo "schema-engine is not available offline: use npm run db:migrate:create" >&2
exit 1
