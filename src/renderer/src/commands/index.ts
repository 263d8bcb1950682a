// The commands feature: the registry features register handlers with, and the key and host wiring.
export { commands, useCommandEnabled, useCommandHandler } from './registry';
export type { CommandHandler, CommandRegistry } from './registry';
export { useCommandKeys, useHostCommands } from './useCommandKeys';
