import { BeingBuilt } from '../../components/BeingBuilt.tsx';

export function AuditPage() {
  return (
    <BeingBuilt title="Audit" what="the filterable audit log and the chain verification result" />
  );
}
