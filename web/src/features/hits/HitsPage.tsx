import { BeingBuilt } from '../../components/BeingBuilt.tsx';

export function HitsPage() {
  return (
    <BeingBuilt
      title="Hits"
      what="cross-agency hits, with pointers to the owning agency where you may not see the record"
    />
  );
}
