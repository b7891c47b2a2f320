import { Transform } from 'class-transformer';

/** Trims a string input before it is validated (other values pass unchanged). */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
