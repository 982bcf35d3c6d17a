import { BeingBuilt } from '../../components/BeingBuilt.tsx';

export function AdminPage() {
  return <BeingBuilt title="Administration" what="agencies, users, sharing groups and sources" />;
}
