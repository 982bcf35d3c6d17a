import { BeingBuilt } from '../../components/BeingBuilt.tsx';

export function IngestPage() {
  return (
    <BeingBuilt
      title="Ingest"
      what="file uploads with a source and mapping, live progress and the error report"
    />
  );
}
