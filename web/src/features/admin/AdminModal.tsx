import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { title: string; onClose: () => void; children: ReactNode; size?: string };

/** The admin screen's dialogs: an open modal whose close button is named for screen readers. */
export function AdminModal({ title, onClose, children, size }: Props) {
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {children}
    </Modal>
  );
}
