import { BeingBuilt } from '../../components/BeingBuilt.tsx';

export function TrendsPage() {
  return (
    <BeingBuilt title="Trends" what="weekly counts per category and region with flagged surges" />
  );
}
