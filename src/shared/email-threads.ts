// Groups e-mail messages into threads from their stored headers: Message-ID, In-Reply-To and
// References first, and a message's normalised subject only when its headers lost the
// thread and it shares people with the thread it would join. Pure, linear in the messages.

/** What threading reads of one stored message. */
export interface ThreadMessage {
  id: string;
  headers: Record<string, string>;
  /** ISO 8601; messages sort by it within a thread (an empty one sorts by `fallbackDate`). */
  date: string;
  fallbackDate: string;
}

/** A message's place in its thread: the thread's key and subject, its 0-based position by date, and the thread's size. */
export interface ThreadPlace {
  key: string;
  subject: string;
  position: number;
  size: number;
}

const PREFIX = /^(?:(?:re|fwd?|aw|wg|sv|tr|antw|vs|r)(?:\[\d+\])?\s*:|\[[^\]]{1,40}\])\s*/i;

/** "Re: AW: [list] Fwd: Plans" → "Plans": the subject without reply, forward and list prefixes, its case kept. */
export function baseSubject(subject: string): string {
  let value = subject.replace(/\s+/g, ' ').trim();
  for (let next = value.replace(PREFIX, ''); next !== value; next = value.replace(PREFIX, '')) value = next;
  return value;
}

/** "Re: Re: [list] Fwd: Plans" and "plans" are one subject. */
export function normalizeSubject(subject: string): string {
  return baseSubject(subject).toLowerCase();
}

function hasPrefix(subject: string): boolean {
  return PREFIX.test(subject.replace(/\s+/g, ' ').trim());
}

export function messageIds(value: string | undefined): string[] {
  return (value ?? '').match(/<[^<>\s]+>/g) ?? [];
}

/** Every address in From, To and Cc, lowercased. */
export function participants(headers: Record<string, string>): Set<string> {
  const text = [headers.From, headers.To, headers.Cc].filter(Boolean).join(', ');
  return new Set((text.match(/[^\s<>,;:"()]+@[^\s<>,;:"()]+/g) ?? []).map((address) => address.toLowerCase()));
}

/** Union–find over strings: cycles in References cost nothing, and every step is near constant. */
class Groups {
  private readonly parent = new Map<string, string>();
  find(node: string): string {
    let root = node;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    for (let at = node; at !== root;) {
      const up = this.parent.get(at)!;
      this.parent.set(at, root);
      at = up;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function linkByIds(messages: readonly ThreadMessage[], groups: Groups): void {
  for (const message of messages) {
    const node = `doc:${message.id}`;
    groups.find(node);
    const own = messageIds(message.headers['Message-ID'])[0];
    // A message's own id links it to replies that name it; its References and In-Reply-To link
    // it to its ancestors, present or missing (two replies to a lost message still meet there).
    const related = [
      ...(own ? [own] : []),
      ...messageIds(message.headers.References),
      ...messageIds(message.headers['In-Reply-To']),
    ];
    for (const id of related) groups.union(node, `id:${id}`);
  }
}

function byDate(a: ThreadMessage, b: ThreadMessage): number {
  const left = a.date || a.fallbackDate;
  const right = b.date || b.fallbackDate;
  return left < right ? -1 : left > right ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A message whose subject says it answers or forwards ("Re:", "Fwd:", "AW:", "TR:"…) but whose
 * headers name no parent joins the earliest other thread with its subject that shares one of
 * its people; the same subject between different people stays apart.
 */
function linkBySubject(messages: readonly ThreadMessage[], groups: Groups): void {
  const bySubject = new Map<string, ThreadMessage[]>();
  for (const message of [...messages].sort(byDate)) {
    const subject = normalizeSubject(message.headers.Subject ?? '');
    if (subject === '') continue;
    const earlier = bySubject.get(subject) ?? [];
    const orphan =
      messageIds(message.headers.References).length === 0 &&
      messageIds(message.headers['In-Reply-To']).length === 0 &&
      hasPrefix(message.headers.Subject ?? '');
    if (orphan) {
      const people = participants(message.headers);
      const match = earlier.find((other) => [...participants(other.headers)].some((person) => people.has(person)));
      if (match) groups.union(`doc:${match.id}`, `doc:${message.id}`);
    }
    earlier.push(message);
    bySubject.set(subject, earlier);
  }
}

/** Each message's place in its thread, for threads of two messages or more; a message alone has none. */
export function threadMessages(messages: readonly ThreadMessage[]): Map<string, ThreadPlace> {
  const groups = new Groups();
  linkByIds(messages, groups);
  linkBySubject(messages, groups);
  const threads = new Map<string, ThreadMessage[]>();
  for (const message of messages) {
    const root = groups.find(`doc:${message.id}`);
    const members = threads.get(root);
    if (members) members.push(message);
    else threads.set(root, [message]);
  }
  const places = new Map<string, ThreadPlace>();
  for (const members of threads.values()) {
    if (members.length < 2) continue;
    members.sort(byDate);
    const first = members[0]!;
    const subject = baseSubject(first.headers.Subject ?? '') || '(no subject)';
    members.forEach((message, position) =>
      places.set(message.id, { key: `thread:${first.id}`, subject, position, size: members.length }),
    );
  }
  return places;
}
