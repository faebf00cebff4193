import { runCli } from "./run";
import { formatImportReport } from "@/lib/matrix/format-import-report";
import { importMatrix } from "@/lib/matrix/import-matrix";
import { readMatrixFile } from "@/lib/matrix/read-matrix-file";
import { SEED_SOURCE } from "@/lib/matrix/seed";

const file = process.argv[2] ?? SEED_SOURCE;

await runCli(async (db) => {
  const { document, resolutions } = readMatrixFile(file);
  const report = await importMatrix(db, document);
  console.log(formatImportReport(file, report, resolutions));
});
