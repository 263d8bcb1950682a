// Sends an analysis's changes to the core one after another, in the order they were made. Sent
// at once, two ratings typed quickly on one cell (I, then II) could reach the browser host's
// core in either order over HTTP, and the earlier one, stored last, won: the matrix showed II
// while the library held I (CI caught it on a loaded machine as a wrong ranking).

/** A runner that starts each call once the one before it has settled, whatever its outcome. */
export function inOrder(): <T>(call: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (call) => {
    const next = last.then(call, call);
    last = next.catch(() => undefined);
    return next;
  };
}
