// The commands feature: the registry features register handlers with, the key and host wiring,
// and the command layer (palette, keyboard shortcuts, the reader's context menu) the app mounts.
export { commands, useCommandEnabled, useCommandHandler, useCommandsEnabled } from './registry';
export type { CommandHandler, CommandRegistry } from './registry';
export { useCommandKeys, useHostCommands } from './useCommandKeys';
export { CommandLayer } from './CommandLayer';
export type { CommandLayerProps } from './CommandLayer';
