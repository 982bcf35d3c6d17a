import { Input } from '@mantine/core';
import { useId } from 'react';

type Props = {
  label: string;
  description?: string;
  accept?: string;
  required?: boolean;
  error?: string | undefined;
  onChange: (file: File | null) => void;
};

/**
 * A labelled native file input: the browser's own control is reachable by keyboard and by
 * screen readers, and tests can hand it a file.
 */
export function FileField({ label, description, accept, required, error, onChange }: Props) {
  const id = useId();
  return (
    <Input.Wrapper
      id={id}
      label={label}
      description={description}
      required={required}
      error={error}
    >
      <input
        id={id}
        type="file"
        accept={accept}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [error && `${id}-error`, description && `${id}-description`].filter(Boolean).join(' ') ||
          undefined
        }
        style={{ display: 'block', marginTop: 4 }}
        onChange={(e) => {
          onChange(e.currentTarget.files?.[0] ?? null);
        }}
      />
    </Input.Wrapper>
  );
}
