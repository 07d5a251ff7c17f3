import { useEffect, useState } from 'preact/hooks';
import { runExport, saveFile } from '../exporting.js';
import { useQuery } from '../use-query.js';
import { T } from './T.js';

interface Dataset {
  id: string;
  title: string;
  module: string;
}

interface Props {
  regionId: string;
  regionName: string;
  from: string;
  to: string;
  year: number;
}

/** 导出: the datasets the viewer may export (columns masked by the API for their role), as CSV for this region */
export function ExportPanel({ regionId, regionName, from, to, year }: Props) {
  const q = useQuery<{ exportDatasets: Dataset[] }>('ConsoleExportDatasets', {});
  const datasets = q.data?.exportDatasets ?? [];
  const [dataset, setDataset] = useState('');
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: string | null }>({
    busy: false,
    message: null,
    error: null,
  });
  useEffect(() => {
    if (!dataset && datasets[0]) setDataset(datasets[0].id);
  }, [q.data]);
  if (q.error || !datasets.length) return null;

  async function run() {
    setState({ busy: true, message: null, error: null });
    try {
      const job = await runExport({ dataset, regionId, from, to }, (rows) =>
        setState((s) => ({ ...s, message: `已写入 ${rows} 行 rows written` })),
      );
      await saveFile(job.downloadPath!, `${dataset}-${regionName}-${year}.csv`);
      setState({ busy: false, message: `${job.rowCount ?? 0} 行 rows`, error: null });
    } catch (e) {
      setState({ busy: false, message: null, error: (e as Error).message });
    }
  }

  return (
    <section aria-labelledby="export-title" class="panel">
      <h2 id="export-title">
        <T k="export" />
      </h2>
      <div class="controls">
        <div class="control">
          <label for="export-dataset">
            <T k="dataset" />
          </label>
          <select id="export-dataset" value={dataset} onChange={(e) => setDataset(e.currentTarget.value)}>
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title} ({d.id})
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={run} disabled={state.busy || !dataset}>
          {state.busy ? <T k="exporting" /> : <T k="export" />}
        </button>
      </div>
      <p role="status">{state.message}</p>
      {state.error && (
        <p class="error" role="alert">
          {state.error}
        </p>
      )}
    </section>
  );
}
