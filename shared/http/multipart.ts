import { BadRequestError } from './errors';

/** A file a form sent, read as UTF-8 text (the console takes CSV files only). */
export interface UploadedFile {
  field: string;
  filename: string;
  text: string;
}

/**
 * Reads a `multipart/form-data` body: its fields, as a urlencoded form's would be, and its files. A form sends an
 * empty file input as an empty part, which is no file. The body's size was checked before, so a file is read
 * whole; a malformed body is refused with 400.
 */
export async function readMultipart(
  body: Buffer,
  contentType: string,
): Promise<{ fields: URLSearchParams; files: UploadedFile[] }> {
  // Only the console's uploads are multipart: no other request loads the parser.
  const { default: Busboy } = await import('@fastify/busboy');
  return new Promise((resolve, reject) => {
    const fields = new URLSearchParams();
    const reading: Promise<UploadedFile | undefined>[] = [];
    let parser: ReturnType<typeof Busboy>;
    try {
      // Browsers send each field in the page's encoding, UTF-8, without saying so.
      parser = Busboy({ headers: { 'content-type': contentType }, defCharset: 'utf8' });
    } catch {
      reject(new BadRequestError('content-type', 'the multipart body has no boundary'));
      return;
    }
    parser.on('field', (name, value) => fields.append(name, value));
    parser.on('file', (field, stream, filename) => {
      reading.push(
        new Promise((done, failed) => {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', failed);
          stream.on('end', () => {
            const bytes = Buffer.concat(chunks);
            done(bytes.length > 0 ? { field, filename, text: bytes.toString('utf8') } : undefined);
          });
        }),
      );
    });
    parser.on('error', () => reject(new BadRequestError('body', 'the multipart body cannot be read')));
    parser.on('finish', () => {
      Promise.all(reading).then(
        (files) => resolve({ fields, files: files.filter((file) => file !== undefined) }),
        reject,
      );
    });
    parser.end(body);
  });
}
