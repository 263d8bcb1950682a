// Keeps each link's own address on its element as data-href: Lexical writes about:blank
// into href for a protocol it will not link (ftp:, say), and the app must still say which
// address it refused rather than "about:blank".
import { $isLinkNode, LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey } from 'lexical';
import { useEffect } from 'react';

export function LinkTargetsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerMutationListener(LinkNode, (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') continue;
            const node = $getNodeByKey(key);
            const element = editor.getElementByKey(key);
            if ($isLinkNode(node) && element) element.dataset.href = node.getURL();
          }
        });
      }),
    [editor],
  );
  return null;
}
