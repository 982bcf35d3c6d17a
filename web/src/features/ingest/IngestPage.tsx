import { Stack, Text, Title } from '@mantine/core';
import { Route, Routes } from 'react-router';
import { EmptyState } from '../../components/States.tsx';
import { JobPage } from './JobPage.tsx';
import { RecentJobs } from './RecentJobs.tsx';
import { UploadForm } from './UploadForm.tsx';

/** /ingest: upload and the recent jobs; /ingest/jobs/:id: one job's live progress. */
export function IngestPage() {
  return (
    <Routes>
      <Route index element={<IngestHome />} />
      <Route path="jobs/:id" element={<JobPage />} />
      <Route path="*" element={<EmptyState title="Not found" />} />
    </Routes>
  );
}

function IngestHome() {
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Ingest</Title>
        <Text c="dimmed">
          Bring an agency&apos;s records in from a file: CSV with a column mapping, NDJSON, ISE-SAR
          XML or a STIX bundle. Re-ingesting a file updates the records it brought before.
        </Text>
      </div>
      <UploadForm />
      <RecentJobs />
    </Stack>
  );
}
