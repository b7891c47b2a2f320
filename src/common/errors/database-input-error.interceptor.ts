import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { catchError, Observable, throwError } from 'rxjs';
import { BadUserInputError } from './app-error.js';
import { invalidValueCode } from './postgres-errors.js';

/**
 * Safety net behind input validation: when PostgreSQL refuses a value (NUL in text, a malformed
 * uuid, a string too long for its column; see `invalidValueCode`), the client gets BAD_USER_INPUT
 * instead of an internal error. Each case means a validator is missing, so it is logged as an error
 * (code, column and operation; never the value, which may be PHI) to be fixed where the input enters.
 */
@Injectable()
export class DatabaseInputErrorInterceptor implements NestInterceptor {
  private readonly logger = new Logger(DatabaseInputErrorInterceptor.name);

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const code = invalidValueCode(error);
        if (!code) return throwError(() => error);
        const column = (error as { driverError?: { column?: string } }).driverError?.column;
        this.logger.error({ code, column, operation: operationOf(context) }, 'the database refused a value the input validation let through; answered BAD_USER_INPUT');
        return throwError(() => new BadUserInputError('A value in the request is not valid', []));
      }),
    );
  }
}

function operationOf(context: ExecutionContext): string {
  if (context.getType<string>() === 'graphql') {
    const info = GqlExecutionContext.create(context).getInfo<{ parentType: { name: string }; fieldName: string }>();
    return `${info.parentType.name}.${info.fieldName}`;
  }
  return `${context.getClass().name}.${context.getHandler().name}`;
}
