// A page form's file upload (multipart/form-data, one file), read with busboy before the CSRF check so the
// form's _csrf field counts: the text fields become request.body, the file goes to response.locals.upload.
// Size and count limits are the caller's; anything over them is a 413 that names the limit.
import busboy from 'busboy';
import type { NextFunction, Request, Response } from 'express';
import { RequestError } from '../errors.js';

export interface UploadedFile {
  /** The name the browser gave, for display only: the type is read from the bytes. */
  name: string;
  data: Buffer;
}

/** The file a multipart form carried, if any (set by multipartForm). */
export const uploadedFile = (response: Response): UploadedFile | undefined => response.locals.upload as UploadedFile | undefined;

/** Middleware reading a multipart form with at most one file of `maxBytes` and a few short text fields. */
export const multipartForm = (maxBytes: number) => (request: Request, response: Response, next: NextFunction) => {
  if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data')) return next();
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 4096, parts: 22 }, defParamCharset: 'utf8' });
  } catch {
    return next(new RequestError(400, '上传格式有误 / malformed multipart form', [{ path: 'body', message: 'expected multipart/form-data with a boundary' }]));
  }
  const fields: Record<string, string> = {};
  let failure: RequestError | undefined;
  const tooLarge = () => new RequestError(413, `文件不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB / at most ${maxBytes} bytes`, [{ path: 'file', message: `expected at most ${maxBytes} bytes` }]);
  parser.on('field', (name, value) => void (fields[name] = value));
  parser.on('file', (_name, stream, info) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('limit', () => void (failure ??= tooLarge()));
    stream.on('close', () => {
      const data = Buffer.concat(chunks);
      if (data.length > 0 || info.filename) response.locals.upload = { name: info.filename ?? '', data } satisfies UploadedFile;
    });
  });
  for (const event of ['filesLimit', 'fieldsLimit', 'partsLimit'] as const) parser.on(event, () => void (failure ??= new RequestError(413, '表单项过多 / too many parts', [{ path: 'body', message: 'expected one file and a few fields' }])));
  let finished = false;
  const finish = (error?: RequestError) => {
    if (finished) return;
    finished = true;
    request.body = fields;
    next(error);
  };
  parser.on('error', () => {
    request.unpipe(parser);
    request.resume();
    finish(new RequestError(400, '上传格式有误 / malformed multipart form', [{ path: 'body', message: 'expected a well-formed multipart/form-data body' }]));
  });
  parser.on('close', () => finish(failure));
  request.pipe(parser);
};
