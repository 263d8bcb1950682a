// A file input the toolbar and menus open with click(): hidden, emptied after each choice so
// choosing the same file again still counts, and silent when the chooser is dismissed.
import type { Ref } from 'react';

interface HiddenFileInputProps {
  ref: Ref<HTMLInputElement>;
  accept: string;
  multiple?: boolean;
  testId: string;
  onFiles: (files: File[]) => void;
}

export function HiddenFileInput({ ref, accept, multiple = false, testId, onFiles }: HiddenFileInputProps) {
  return (
    <input
      ref={ref}
      type="file"
      multiple={multiple}
      accept={accept}
      hidden
      data-testid={testId}
      onChange={(event) => {
        const files = Array.from(event.currentTarget.files ?? []);
        event.currentTarget.value = '';
        if (files.length > 0) onFiles(files);
      }}
    />
  );
}
