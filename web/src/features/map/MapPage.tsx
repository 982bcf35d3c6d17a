import { BeingBuilt } from '../../components/BeingBuilt.tsx';

export function MapPage() {
  return (
    <BeingBuilt
      title="Map"
      what="records clustered over the state and county outlines, hotspots, sites and a time slider"
    />
  );
}
