// Writers that turn pages of rows into the file, chunk by chunk: a sink collects bytes and hands a chunk
// (about CHUNK_BYTES) to `flush`, which stores it; the writer waits for the store before taking more rows,
// so memory holds one page and one chunk whatever the size of the export.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { OfferedColumn } from './datasets.js';
import { BOM, cellValue, csvLine } from './format.js';

export const CHUNK_BYTES = 256 * 1024;

export class ChunkSink {
  private parts: Buffer[] = [];
  private size = 0;
  total = 0;
  constructor(
    private readonly flush: (data: Buffer) => Promise<void>,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {}

  async write(data: Buffer) {
    this.parts.push(data);
    this.size += data.length;
    this.total += data.length;
    if (this.size >= this.chunkBytes) await this.drain();
  }

  async drain() {
    if (!this.size) return;
    const data = Buffer.concat(this.parts);
    this.parts = [];
    this.size = 0;
    await this.flush(data);
  }
}

export interface FileWriter {
  header(columns: OfferedColumn[]): Promise<void>;
  rows(columns: OfferedColumn[], rows: unknown[][]): Promise<void>;
  end(): Promise<void>;
}

export function csvWriter(sink: ChunkSink): FileWriter {
  return {
    header: (columns) => sink.write(Buffer.from(BOM + csvLine(columns.map((c) => c.title)))),
    async rows(columns, rows) {
      let text = '';
      for (const r of rows) text += csvLine(r.map((v, i) => cellValue(columns[i]!.type, v)));
      await sink.write(Buffer.from(text));
    },
    end: () => sink.drain(),
  };
}

/**
 * XLSX through exceljs's streaming WorkbookWriter (rows are committed as written; no shared strings or
 * styles, which would be kept in memory until the end). The zip it produces flows into the sink through
 * a Writable whose callback waits for the chunk store: backpressure reaches exceljs.
 */
export function xlsxWriter(sink: ChunkSink, sheetName: string): FileWriter {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      sink.write(chunk).then(() => done(), done);
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  // let the zip stream flow to the sink before the next page is read
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    async header(columns) {
      sheet.addRow(columns.map((c) => c.title)).commit();
      await settle();
    },
    async rows(columns, rows) {
      for (const r of rows) sheet.addRow(r.map((v, i) => cellValue(columns[i]!.type, v))).commit();
      await settle();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
      await finished;
      await sink.drain();
    },
  };
}
