// 导出: createExport → poll export(id) until READY → GET its downloadPath with the token → save the Blob.
import { ApiError, download, gql, type TypedError } from './api.js';

interface ExportJob {
  id: string;
  status: string;
  rowCount: number | null;
  progress?: number;
  error?: string | null;
  downloadPath: string | null;
}

export interface ExportRequest {
  dataset: string;
  regionId: string;
  from: string;
  to: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runExport(request: ExportRequest, onProgress: (rows: number) => void): Promise<ExportJob> {
  const input = {
    dataset: request.dataset,
    format: 'CSV',
    filter: { regionId: request.regionId, from: request.from, to: request.to },
  };
  const { createExport } = await gql<{ createExport: TypedError & { export?: ExportJob } }>('ConsoleCreateExport', {
    input,
  });
  if (!createExport.export)
    throw new ApiError(createExport.issues?.[0]?.message ?? createExport.message ?? 'refused', null);
  let job: ExportJob = createExport.export;
  for (let wait = 200; job.status !== 'READY'; wait = Math.min(wait * 1.5, 2000)) {
    if (job.status === 'FAILED' || job.status === 'EXPIRED') throw new ApiError(job.error ?? job.status, null);
    await sleep(wait);
    const next: ExportJob | null = (await gql<{ export: ExportJob | null }>('ConsoleExport', { id: job.id })).export;
    if (!next) throw new ApiError('export not found', 'NOT_FOUND');
    job = next;
    onProgress(job.progress ?? 0);
  }
  return job;
}

/** hands the file to the browser as a download (an object URL on a temporary link) */
export async function saveFile(path: string, filename: string) {
  const blob = await download(path);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
