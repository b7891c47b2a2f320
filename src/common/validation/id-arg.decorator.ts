import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { BadUserInputError } from '../errors/app-error.js';

@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value.toLowerCase();
    const name = metadata.data ?? 'id';
    throw new BadUserInputError(`${name} must be a UUID`, [name]);
  }
}

/** An `ID!` argument that must be a UUID (BAD_USER_INPUT naming the argument otherwise). */
export const IdArg = (name: string, description?: string) => Args(name, { type: () => ID, description }, ParseIdPipe);
