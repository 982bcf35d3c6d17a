import { Anchor, Button, Checkbox, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan, useMe } from '../../app/session.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { EmptyState, LoadingState } from '../../components/States.tsx';
import { useAgencyName } from '../../lib/agencies.ts';
import { useSources, type Source } from '../../lib/sources.ts';
import { fieldErrors } from '../../lib/field-errors.ts';
import { FileField } from './FileField.tsx';
import {
  FORMAT_LABELS,
  formatOfFileName,
  ingestKeys,
  uploadIngest,
  type IngestFormat,
} from './ingest-api.ts';

const FORMATS = Object.keys(FORMAT_LABELS) as IngestFormat[];

/** Upload a file into one of the user's sources; opens the job's live progress once queued. */
export function UploadForm() {
  const sources = useSources();
  const active = sources.data?.filter((s) => s.active) ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="upload-title">
      <Title order={3} size="h4" id="upload-title" mb="sm">
        Upload a file
      </Title>
      {sources.isPending ? (
        <LoadingState label="Loading sources…" />
      ) : sources.isError ? (
        <ProblemAlert error={sources.error} title="Could not load the sources" />
      ) : active.length === 0 ? (
        <NoSource />
      ) : (
        <Form sources={active} />
      )}
    </Paper>
  );
}

function NoSource() {
  const can = useCan();
  return (
    <EmptyState title="No source to ingest into">
      A file is ingested into a source of your agency, whose default markings its records take.{' '}
      {can('sources:admin') ? (
        <Anchor component={Link} to="/admin/sources">
          Create a source in Administration.
        </Anchor>
      ) : (
        'Ask a supervisor or an administrator to create one.'
      )}
    </EmptyState>
  );
}

function Form({ sources }: { sources: Source[] }) {
  const me = useMe();
  const agencyName = useAgencyName();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const own = sources.find((s) => s.agencyId === me.agency.id);
  const [sourceId, setSourceId] = useState((own ?? sources[0])?.id ?? '');
  const [format, setFormat] = useState<IngestFormat>('csv');
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const upload = useMutation({
    mutationFn: uploadIngest,
    onSuccess: (job) => {
      void queryClient.invalidateQueries({ queryKey: ingestKeys.jobs });
      void navigate(`/ingest/jobs/${job.id}`);
    },
  });
  const serverErrors = fieldErrors(upload.error, 'querystring.');
  // A field's "missing" message goes once the user fills it.
  const filled = (field: string) => {
    setMissing(({ [field]: _gone, ...rest }) => rest);
  };
  const errors = { ...serverErrors, ...missing };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!file) problems['file'] = 'Choose the file to ingest.';
    if (format === 'csv' && !mapping) problems['mapping'] = 'A CSV file needs its mapping file.';
    setMissing(problems);
    if (!file || Object.keys(problems).length > 0) return;
    upload.mutate({ sourceId, format, file, mapping: format === 'csv' ? mapping : null, dryRun });
  };

  return (
    <form onSubmit={submit} aria-label="Upload a file" noValidate>
      <Stack gap="sm" maw={560}>
        <NativeSelect
          label="Source"
          description="Records take the source's agency as owner and its default markings."
          value={sourceId}
          onChange={(e) => {
            setSourceId(e.currentTarget.value);
          }}
          data={sources.map((s) => ({
            value: s.id,
            label: s.agencyId === me.agency.id ? s.name : `${s.name} — ${agencyName(s.agencyId)}`,
          }))}
          error={errors['source']}
        />
        <FileField
          label="File"
          required
          accept=".csv,.ndjson,.jsonl,.json,.xml"
          error={errors['file']}
          onChange={(f) => {
            setFile(f);
            filled('file');
            const guessed = f ? formatOfFileName(f.name) : undefined;
            if (guessed) setFormat(guessed);
          }}
        />
        <NativeSelect
          label="Format"
          value={format}
          onChange={(e) => {
            setFormat(e.currentTarget.value as IngestFormat);
          }}
          data={FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
          error={errors['format']}
        />
        {format === 'csv' ? (
          <FileField
            label="Mapping"
            description="YAML or JSON: which column feeds which record field (docs/ingest-mapping.md)."
            required
            accept=".yaml,.yml,.json"
            error={errors['mapping']}
            onChange={(f) => {
              setMapping(f);
              filled('mapping');
            }}
          />
        ) : null}
        <Checkbox
          label="Dry run: check every row and report errors, write nothing"
          checked={dryRun}
          onChange={(e) => {
            setDryRun(e.currentTarget.checked);
          }}
        />
        {upload.isError ? (
          <ProblemAlert error={upload.error} title="The upload was refused" />
        ) : null}
        <Text size="sm" c="dimmed">
          The job runs in the background; you can leave this page and come back to it.
        </Text>
        <Button type="submit" loading={upload.isPending} w="fit-content">
          {dryRun ? 'Start the dry run' : 'Upload and ingest'}
        </Button>
      </Stack>
    </form>
  );
}
