// Adding tags with autocomplete: a combobox over the library's tags; Enter takes the
// highlighted suggestion or creates the tag as typed. Esc clears what is typed; on an empty
// field it is left to the surroundings (a margin card returns focus to the text).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TagInfo } from '../../../shared/annotations';
import { normalizeTagPath } from '../../../shared/annotations';
import styles from './TagInput.module.css';

interface TagInputProps {
  tags: readonly TagInfo[];
  exclude: readonly string[];
  label: string;
  autoFocus?: boolean;
  /** What was typed before the field took focus (`t` then a tag name, typed at once). */
  takeTyped?: () => string;
  onAdd: (path: string) => void;
  onInvalid: (message: string) => void;
}

const MAX_SUGGESTIONS = 8;

export function TagInput({ tags, exclude, label, autoFocus, takeTyped, onAdd, onInvalid }: TagInputProps) {
  const [value, setValue] = useState('');
  const [active, setActive] = useState(0);
  const [navigated, setNavigated] = useState(false);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // Asked for after the field is already shown (`t` right after `h`), not only when it mounts.
  const takeTypedRef = useRef(takeTyped);
  takeTypedRef.current = takeTyped;
  useEffect(() => {
    if (!autoFocus) return;
    inputRef.current?.focus();
    const typed = takeTypedRef.current?.() ?? '';
    if (typed) setValue((current) => current + typed);
  }, [autoFocus]);
  const suggestions = useMemo(() => {
    const needle = value.trim().toLocaleLowerCase();
    if (!needle) return [];
    const taken = new Set(exclude.map((path) => path.toLocaleLowerCase()));
    return tags
      .filter((tag) => !taken.has(tag.path.toLocaleLowerCase()) && tag.path.toLocaleLowerCase().includes(needle))
      .sort(
        (a, b) =>
          Number(!a.path.toLocaleLowerCase().startsWith(needle)) -
            Number(!b.path.toLocaleLowerCase().startsWith(needle)) || b.count - a.count,
      )
      .slice(0, MAX_SUGGESTIONS);
  }, [tags, exclude, value]);

  const commit = (path: string) => {
    const normalized = normalizeTagPath(path);
    if (!normalized.ok) {
      onInvalid(normalized.message);
      return;
    }
    onAdd(normalized.path);
    setValue('');
    setActive(0);
    setNavigated(false);
  };

  return (
    <div className={styles.field}>
      <input
        ref={inputRef}
        className={styles.input}
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={navigated && suggestions.length > 0 ? `${listId}-${active}` : undefined}
        placeholder="Add tag (Actor/IS)…"
        value={value}
        autoFocus={autoFocus}
        maxLength={200}
        onChange={(event) => {
          setValue(event.currentTarget.value);
          setActive(0);
          setNavigated(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && suggestions.length > 0) {
            event.preventDefault();
            setActive((index) => (navigated ? (index + 1) % suggestions.length : 0));
            setNavigated(true);
          } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
            event.preventDefault();
            setActive((index) => (index - 1 + suggestions.length) % suggestions.length);
            setNavigated(true);
          } else if (event.key === 'Enter') {
            event.preventDefault();
            // A suggestion wins when it was chosen with the arrows or typed exactly; otherwise
            // Enter creates the tag as typed.
            const chosen = navigated ? suggestions[active] : undefined;
            const exact = suggestions.find((tag) => tag.path.toLocaleLowerCase() === value.trim().toLocaleLowerCase());
            commit(chosen?.path ?? exact?.path ?? value);
          } else if (event.key === 'Tab' && suggestions[active] && value.trim()) {
            event.preventDefault();
            setValue(suggestions[active]!.path);
          } else if (event.key === 'Escape') {
            // An empty field has nothing to clear: Esc is for whatever holds the field.
            if (value === '') return;
            setValue('');
          }
          event.stopPropagation();
        }}
      />
      {suggestions.length > 0 && (
        <ul id={listId} role="listbox" className={styles.suggestions} aria-label={`${label} suggestions`}>
          {suggestions.map((tag, index) => (
            <li
              key={tag.id}
              id={`${listId}-${index}`}
              role="option"
              className={styles.suggestion}
              aria-selected={navigated && index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                commit(tag.path);
                inputRef.current?.focus();
              }}
            >
              {tag.path}
              <span className={styles.count}>{tag.count}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
