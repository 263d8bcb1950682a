// Says in words why a file could not be read, instead of a bare system error code.

const REASONS: Record<string, (path: string) => string> = {
  ENOENT: (path) => `“${path}” does not exist.`,
  ENOTDIR: (path) => `“${path}” does not exist: part of that path is a file, not a folder.`,
  EISDIR: (path) => `“${path}” is a folder, not a file.`,
  EACCES: (path) => `“${path}” can't be read: you don't have permission to read it.`,
  EPERM: (path) => `“${path}” can't be read: the system does not allow it.`,
  ELOOP: (path) => `“${path}” can't be read: it is a loop of symbolic links.`,
  ENAMETOOLONG: (path) => `“${path}” can't be read: the path is too long.`,
};

/** One sentence about a failed stat or read of `path`, naming the system's code only when it has no words here. */
export function fileReadProblem(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : REASONS[code];
  return reason ? reason(path) : `Can't read “${path}”${code ? ` (${code})` : ''}.`;
}
