// Files in and out of the renderer: a dropped or chosen file read as base64 for the contract
// (the browser's own encoder, fast even for tens of megabytes), and bytes handed back as a
// download or opened in a new tab.
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

function blobOf(dataBase64: string, type: string): Blob {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type });
}

/** Hands bytes to the browser as a download (the desktop shell asks where to save them). */
export function downloadBase64(fileName: string, dataBase64: string, type: string): void {
  const url = URL.createObjectURL(blobOf(dataBase64, type));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Hands text to the browser as a download, as UTF-8. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens bytes in a new browser tab (the browser host's Open after an export). */
export function openBase64(dataBase64: string, type: string): void {
  const url = URL.createObjectURL(blobOf(dataBase64, type));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
