import { readFileSync } from "node:fs";
import pg from "pg";

/**
 * What prisma/schema.prisma says the database holds, and what a database built
 * from prisma/migrations actually holds, as comparable lines: tables and
 * columns (type, nullability), primary keys, unique and plain indexes, foreign
 * keys with their delete rule, enums. Any difference is drift.
 */
const SCALARS: Record<string, string> = {
  String: "text",
  Int: "integer",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  "Int[]": "integer[]",
  "String[]": "text[]",
};

export function expectedFromSchema(schemaFile: string): string[] {
  const schema = readFileSync(schemaFile, "utf8").replace(/\/\/.*$/gm, "");
  const enums = new Map([...schema.matchAll(/enum (\w+) \{([^}]*)\}/g)].map((m) => [m[1]!, m[2]!.split(/\s+/).filter(Boolean)]));
  const models = [...schema.matchAll(/model (\w+) \{([^}]*)\}/g)].map((m) => ({ name: m[1]!, body: m[2]! }));
  const modelNames = new Set(models.map((m) => m.name));
  const lines: string[] = [];
  for (const [name, values] of enums) lines.push(`enum ${name}: ${values.join(",")}`);
  for (const model of models) {
    for (const raw of model.body.split("\n").map((l) => l.trim())) {
      if (!raw) continue;
      const block = /^@@(id|unique|index)\(\[([^\]]*)\](.*)\)$/.exec(raw);
      if (block) {
        const fields = block[2]!.split(",").map((f) => f.trim().replace(/\(.*\)$/, ""));
        const suffix = { id: "pkey", unique: "key", index: "idx" }[block[1] as "id" | "unique" | "index"];
        lines.push(block[1] === "id" ? `index ${model.name}_pkey` : `index ${model.name}_${fields.join("_")}_${suffix}`);
        continue;
      }
      const [field, type = "", ...rest] = raw.split(/\s+/);
      const attributes = rest.join(" ");
      const base = type.replace(/[?]|\[\]$/g, "");
      if (modelNames.has(base)) {
        const relation = /@relation\(fields: \[(\w+)\].*?(?:onDelete: (\w+))?\)/.exec(attributes);
        if (relation) {
          const rule = { Cascade: "CASCADE", Restrict: "RESTRICT", SetNull: "SET NULL", NoAction: "NO ACTION" }[relation[2] ?? "Restrict"];
          lines.push(`fk ${model.name}_${relation[1]}_fkey ${rule}`);
        }
        continue;
      }
      const sqlType = enums.has(base) ? base : SCALARS[type.replace("?", "")];
      if (!sqlType) throw new Error(`Tipo sin correspondencia en la comprobación de deriva: ${model.name}.${field} ${type}`);
      // Prisma leaves scalar lists nullable in PostgreSQL.
      const nullable = type.endsWith("?") || type.endsWith("[]");
      lines.push(`column ${model.name}.${field} ${sqlType}${nullable ? " null" : " not null"}`);
      if (/(^|\s)@id(\s|$|\()/.test(attributes)) lines.push(`index ${model.name}_pkey`);
      if (/@unique/.test(attributes)) lines.push(`index ${model.name}_${field}_key`);
    }
  }
  return lines.sort();
}

export async function actualFromDatabase(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const indexes = await client.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    const fks = await client.query<{ constraint_name: string; delete_rule: string }>(
      `SELECT constraint_name, delete_rule FROM information_schema.referential_constraints WHERE constraint_schema = 'public'`,
    );
    const enums = await client.query<{ name: string; values: string }>(
      `SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' GROUP BY t.typname`,
    );
    const type = (c: { data_type: string; udt_name: string }) =>
      c.data_type === "USER-DEFINED" ? c.udt_name : c.data_type === "ARRAY" ? `${{ _int4: "integer", _text: "text" }[c.udt_name] ?? c.udt_name}[]` : c.data_type;
    return [
      ...columns.rows.map((c) => `column ${c.table_name}.${c.column_name} ${type(c)}${c.is_nullable === "YES" ? " null" : " not null"}`),
      ...indexes.rows.map((i) => `index ${i.indexname}`),
      ...fks.rows.map((f) => `fk ${f.constraint_name} ${f.delete_rule}`),
      ...enums.rows.map((e) => `enum ${e.name}: ${e.values}`),
    ].sort();
  } finally {
    await client.end();
  }
}
