// A scheme's levels as radio buttons, each with its code, name and meaning, and a "Not graded"
// choice first: how Grade annotation picks a credibility and a source dialog a reliability.
import { useId } from 'react';
import type { GradeLevel } from '../../../shared/evidence';
import styles from './Evidence.module.css';

interface LevelChoiceProps {
  legend: string;
  levels: readonly GradeLevel[];
  value: string;
  onChange: (code: string) => void;
}

export function LevelChoice({ legend, levels, value, onChange }: LevelChoiceProps) {
  const name = useId();
  const options = [{ code: '', label: 'Not graded', description: '' }, ...levels];
  return (
    <fieldset className={styles.levels}>
      <legend>{legend}</legend>
      {options.map((level) => (
        <label key={level.code} className={styles.level}>
          <input
            type="radio"
            name={name}
            value={level.code}
            checked={value === level.code}
            onChange={() => onChange(level.code)}
          />
          <span>
            <span className={styles.levelName}>
              {level.code ? `${level.code} ` : ''}
              {level.label}
            </span>
            {level.description && <span className={styles.levelMeaning}>{level.description}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
