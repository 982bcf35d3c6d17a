import { BeingBuilt } from '../../components/BeingBuilt.tsx';

export function SearchPage() {
  return (
    <BeingBuilt
      title="Search"
      what="a query box with filters and facets, results with highlighted snippets and a map beside them"
    />
  );
}
