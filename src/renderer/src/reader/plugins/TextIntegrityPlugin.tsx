// Recomputes the canonical text from the rendered editor and checks its hash against the
// store's, so offsets computed in Node and here can never silently disagree.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { $canonicalText } from '../../../../shared/lexical-document';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Checks the rendered text once the first paint is done (it must never delay the text appearing). */
export function registerTextIntegrity(
  editor: LexicalEditor,
  expectedSha256: string,
  onChecked: (hash: string) => void,
): () => void {
  let cancelled = false;
  const timer = setTimeout(() => {
    const text = editor.getEditorState().read($canonicalText);
    void sha256Hex(text).then((hash) => {
      if (cancelled) return;
      if (hash !== expectedSha256)
        console.error('marginalia: the rendered text differs from the stored canonical text');
      onChecked(hash);
    });
  }, 50);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}

export function TextIntegrityPlugin({
  expectedSha256,
  onChecked,
}: {
  expectedSha256: string;
  onChecked: (hash: string) => void;
}) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerTextIntegrity(editor, expectedSha256, onChecked), [editor, expectedSha256, onChecked]);
  return null;
}
