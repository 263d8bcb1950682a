// The evidence commands of issue 17 (grade, link, claims, the Sources and Claims panels), kept
// in their own table so the command list in commands.ts takes them with two lines.
import type { CommandDeclaration } from './command-types';

/** Acting on the selected annotation or selection: single keys, so in the reader only. */
export const EVIDENCE_ANNOTATE_COMMANDS = [
  {
    id: 'gradeAnnotation',
    label: 'Grade…',
    icon: 'grade',
    keys: ['G'],
    menu: { name: 'Annotate', group: 6 },
    context: true,
    palette: true,
    when: 'annotation',
    readerOnly: true,
  },
  {
    id: 'linkAnnotation',
    label: 'Link to…',
    icon: 'link',
    keys: ['L'],
    menu: { name: 'Annotate', group: 6 },
    context: true,
    palette: true,
    when: 'annotation',
    readerOnly: true,
  },
  {
    id: 'makeClaim',
    label: 'Make Claim…',
    icon: 'claim',
    keys: ['C'],
    menu: { name: 'Annotate', group: 6 },
    context: true,
    palette: true,
    when: 'selection',
    readerOnly: true,
    unavailable: 'Select text in the reader, or an annotation, first',
  },
  {
    id: 'addToClaim',
    label: 'Add to Claim…',
    icon: 'claim',
    menu: { name: 'Annotate', group: 6 },
    palette: true,
    when: 'annotation',
  },
] as const satisfies readonly CommandDeclaration[];

/** The evidence side panels, beside the other Show commands of the View menu. */
export const EVIDENCE_VIEW_COMMANDS = [
  {
    id: 'showSources',
    label: 'Show Sources',
    icon: 'sources',
    menu: { name: 'View', group: 1 },
    palette: true,
    when: 'always',
  },
  {
    id: 'showClaims',
    label: 'Show Claims',
    icon: 'claim',
    menu: { name: 'View', group: 1 },
    palette: true,
    when: 'always',
  },
] as const satisfies readonly CommandDeclaration[];

/**
 * The Analyses view (issue 17, ACH): in the reader's place, not a side-panel tab, so it has a
 * key of its own to be found by, listed in the shortcuts beside the toolbar's View menu item.
 */
export const ANALYSES_VIEW_COMMANDS = [
  {
    id: 'showAnalyses',
    label: 'Show Analyses',
    icon: 'library',
    keys: ['Mod+Shift+A'],
    menu: { name: 'View', group: 1 },
    palette: true,
    when: 'always',
  },
] as const satisfies readonly CommandDeclaration[];

/** The open analysis's matrix as a spreadsheet, under File › Export beside the annotated PDF. */
export const EVIDENCE_EXPORT_COMMANDS = [
  {
    id: 'exportAnalysisCsv',
    label: 'Analysis Matrix as CSV…',
    icon: 'export',
    menu: { name: 'File', group: 1, submenu: 'Export' },
    share: { label: 'Export analysis as CSV…', whileAvailable: true },
    palette: true,
    when: 'always',
    unavailable: 'Open an analysis (Show Analyses) first',
  },
] as const satisfies readonly CommandDeclaration[];
