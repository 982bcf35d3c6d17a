import { BeingBuilt } from '../../components/BeingBuilt.tsx';

export function SarPage() {
  return (
    <BeingBuilt
      title="Suspicious activity reports"
      what="the ISE-SAR submission form and the two-step vetting view"
    />
  );
}
