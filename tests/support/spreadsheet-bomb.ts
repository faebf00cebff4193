import { once } from "node:events";
import zlib from "node:zlib";
import { EXPORT_COLUMNS } from "@/lib/initiatives/export-initiatives";

/**
 * A "spreadsheet bomb": a valid XLSX of a few MB whose first sheet unpacks to
 * `rows` rows (a million by default, about 60 MB of XML). Written here as a
 * zip of our own, deflated as it is generated, so the test never holds the XML.
 */
export async function spreadsheetBomb(rows = 1_000_000): Promise<Buffer> {
  const parts: [string, Iterable<string>][] = [
    [
      "[Content_Types].xml",
      [
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ],
    ],
    [
      "_rels/.rels",
      [
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ],
    ],
    [
      "xl/workbook.xml",
      [
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Iniciativas" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ],
    ],
    [
      "xl/_rels/workbook.xml.rels",
      [
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ],
    ],
    ["xl/worksheets/sheet1.xml", sheetXml(rows)],
  ];
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    let crc = 0;
    let size = 0;
    const deflate = zlib.createDeflateRaw({ level: 6 });
    const compressed: Buffer[] = [];
    deflate.on("data", (chunk: Buffer) => compressed.push(chunk));
    for (const text of batches(content)) {
      const bytes = Buffer.from(text);
      crc = zlib.crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await once(deflate, "drain");
    }
    deflate.end();
    await once(deflate, "end");
    const data = Buffer.concat(compressed);
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(fileName.length, 26);
    local.push(header, fileName, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    offset += header.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

const column = (index: number) => String.fromCharCode(65 + index);
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

function* sheetXml(rows: number): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  yield `<row r="1">${EXPORT_COLUMNS.map((name, i) => cell(`${column(i)}1`, name)).join("")}</row>`;
  for (let r = 2; r <= rows; r++) {
    yield `<row r="${r}">${cell(`F${r}`, "x")}</row>`;
  }
  yield "</sheetData></worksheet>";
}

/** Joins small strings into pieces of about 1 MB. */
function* batches(strings: Iterable<string>): Generator<string> {
  let batch = "";
  for (const s of strings) {
    batch += s;
    if (batch.length > 1_000_000) {
      yield batch;
      batch = "";
    }
  }
  if (batch) yield batch;
}
