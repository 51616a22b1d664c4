// Saves generated data as a file through the browser's download (GPX, zip, project, CSV).
export function download(data: BlobPart, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // revoked later: some browsers start reading the blob after click() returns
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
