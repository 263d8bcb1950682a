import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyedDebouncer } from '../../src/core/sync/keyed-debouncer';
import { parseSidecarFile } from '../../src/core/sync/sidecar-file';

function faultOf(text: string) {
  const parsed = parseSidecarFile(new TextEncoder().encode(text));
  return parsed.ok ? undefined : parsed.fault;
}

describe('reading a sidecar', () => {
  it('places a JSON syntax error by its line and column, in plain words', () => {
    expect(faultOf('{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n  id: 1\n}\n')).toEqual({
      line: 3,
      column: 3,
      message: 'Not valid JSON: Expected double-quoted property name',
    });
    expect(faultOf('{"items": [,]}\n')).toMatchObject({
      line: 1,
      column: 12,
      message: 'Not valid JSON: Expected a value',
    });
    expect(faultOf('{\n  "a": "b",,\n}')).toMatchObject({ line: 2, column: 12 });
    expect(faultOf('')).toMatchObject({ message: 'Not valid JSON: Unexpected end of JSON input' });
    expect(faultOf('{"a": 1')).toMatchObject({ line: 1, column: 8 });
  });

  it('words a missing comma as JSON.parse does, by the object or array it is missing from', () => {
    expect(faultOf('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      line: 3,
      column: 3,
      message: "Not valid JSON: Expected ',' or '}' after property value",
    });
    expect(faultOf('{"items": [1 2]}')).toMatchObject({
      line: 1,
      column: 14,
      message: "Not valid JSON: Expected ',' or ']' after array element",
    });
  });

  it('refuses comments and trailing commas, which JSON does not allow', () => {
    expect(faultOf('// note\n{}')).toMatchObject({
      line: 1,
      column: 1,
      message: expect.stringContaining('Not valid JSON'),
    });
    expect(faultOf('{"a": 1,\n}')).toMatchObject({
      line: 2,
      column: 1,
      message: 'Not valid JSON: Expected double-quoted property name',
    });
  });
});

describe('the keyed debouncer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a key once it has been quiet for its delay, each key on its own, and reports failures', () => {
    const settled: Array<[string, unknown]> = [];
    const runs: string[] = [];
    const debouncer = new KeyedDebouncer((key, failure) => settled.push([key, failure?.error]));
    debouncer.schedule('write:a', 100, () => runs.push('a1'));
    vi.advanceTimersByTime(60);
    debouncer.schedule('write:a', 100, () => runs.push('a2'));
    debouncer.schedule('file:b', 50, () => {
      throw new Error('bad file');
    });
    vi.advanceTimersByTime(60);
    expect(runs).toEqual([]);
    expect(settled).toEqual([['file:b', new Error('bad file')]]);
    vi.advanceTimersByTime(40);
    expect(runs).toEqual(['a2']);
  });

  it('hands over pending keys of one kind to run now, and drops them from the timers', () => {
    const runs: string[] = [];
    const debouncer = new KeyedDebouncer(() => undefined);
    debouncer.schedule('write:a', 100, () => runs.push('a'));
    debouncer.schedule('file:b', 100, () => runs.push('b'));
    expect(debouncer.take('write:')).toEqual(['write:a']);
    vi.advanceTimersByTime(200);
    expect(runs).toEqual(['b']);
  });
});
