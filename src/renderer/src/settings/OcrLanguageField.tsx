// The Settings field for the language(s) scanned pages and images are read in by OCR.
import type { OcrLanguages } from '../../../shared/model';
import { OCR_LANGUAGES } from '../../../shared/model';
import { ocrLanguageNames } from '../../../shared/provenance-labels';
import { dialogStyles } from '../ui/Dialogs';

export function OcrLanguageField({ value, onChange }: { value: OcrLanguages; onChange: (next: OcrLanguages) => void }) {
  return (
    <label className={dialogStyles.field}>
      Language of scanned pages (OCR)
      <select value={value} onChange={(event) => onChange(event.currentTarget.value as OcrLanguages)}>
        {OCR_LANGUAGES.map((languages) => (
          <option key={languages} value={languages}>
            {ocrLanguageNames(languages)}
            {languages.includes('+') ? ' (slower)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
