// The side panel tabs' icons: seven tabs fit one row of the panel only as icons, each tab
// still named by its label (read out, and shown as a tooltip).
import type { SidePanel } from './side-panel-store';

const PATHS: Record<SidePanel, string> = {
  library: 'M4 4h4v16H4z M10 4h4v16h-4z M16 5.5l3.4-1 3.1 14.6-3.4 1z',
  annotations: 'M4 21h16 M6.5 16.5l9.5-9.5 3 3-9.5 9.5H6.5z',
  tags: 'M3 12V4h8l10 10-8 8z M7.5 8.5h.01',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z M15.5 15.5L21 21',
  source: 'M6 3h9l4 4v14H6z M14 3v5h5 M9 12h7 M9 16h7',
  sources: 'M9 3h8l3 3v12H9z M6 6v15h11',
  claims: 'M4 5h16v11H9l-5 4z M8.5 10.5l2.5 2.5 4.5-5',
};

export function PanelIcon({ panel }: { panel: SidePanel }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[panel]} />
    </svg>
  );
}
