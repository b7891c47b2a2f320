import { describe, expect, it } from '@jest/globals';
import { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, throwError } from 'rxjs';
import { QueryFailedError } from 'typeorm';
import { BadUserInputError } from './app-error.js';
import { DatabaseInputErrorInterceptor } from './database-input-error.interceptor.js';

class DocumentsController {
  upload() {}
}

const context = { getType: () => 'http', getClass: () => DocumentsController, getHandler: () => DocumentsController.prototype.upload } as unknown as ExecutionContext;
const failing = (error: unknown): CallHandler => ({ handle: () => throwError(() => error) });
const driverError = (code: string) => new QueryFailedError('INSERT ...', ['secret value'], Object.assign(new Error(`code ${code}`), { code, column: 'body' }));

describe(DatabaseInputErrorInterceptor.name, () => {
  const sut = new DatabaseInputErrorInterceptor();

  it.each(['22021', '22P02', '22001', '22003', '22007', '22008'])('answers BAD_USER_INPUT when PostgreSQL refuses a value (%s)', async (code) => {
    await expect(lastValueFrom(sut.intercept(context, failing(driverError(code))))).rejects.toBeInstanceOf(BadUserInputError);
  });

  it('lets every other error through unchanged', async () => {
    for (const error of [driverError('23505'), driverError('22012'), driverError('40001'), new Error('bug')]) {
      await expect(lastValueFrom(sut.intercept(context, failing(error)))).rejects.toBe(error);
    }
  });
});
