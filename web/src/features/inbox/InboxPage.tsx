import { BeingBuilt } from '../../components/BeingBuilt.tsx';

export function InboxPage() {
  return (
    <BeingBuilt
      title="Inbox"
      what="new hits on your agency's subjects, notifications and SARs waiting for your vetting step, live"
    />
  );
}
