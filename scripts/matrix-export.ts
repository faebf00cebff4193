import { runCli } from "./run";
import { serializeDocument } from "@/lib/matrix/document";
import { exportMatrix } from "@/lib/matrix/export-matrix";

await runCli(
  async (db) => {
    const document = await exportMatrix(db);
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(serializeDocument(document), (error) => (error ? reject(error) : resolve())),
    );
  },
  { readsMatrix: true },
);
