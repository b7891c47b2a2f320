import { registerDecorator, ValidationOptions } from 'class-validator';

const ZONES = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));

/** True for an IANA time zone name such as "America/Chicago". */
export const isIanaTimezone = (value: unknown): value is string => typeof value === 'string' && ZONES.has(value);

export function IsIanaTimezone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaTimezone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone such as America/Chicago', ...options },
      validator: { validate: isIanaTimezone },
    });
}

// Building an Intl.DateTimeFormat is slow (matching scores hundreds of coders a request): one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
// Formatting is slow too, and offsets change only at transitions, which every zone makes on a
// quarter hour (UTC): offsets are remembered per zone and quarter hour.
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const offsets = new Map<string, number>();

/** The zone's offset from UTC in hours at `at` (e.g. -5 for America/Chicago in winter). */
export function utcOffsetHours(timeZone: string, at = new Date()): number {
  const key = `${timeZone}@${Math.floor(at.getTime() / QUARTER_HOUR_MS)}`;
  let hours = offsets.get(key);
  if (hours === undefined) {
    if (offsets.size >= 10_000) offsets.clear();
    hours = computeOffsetHours(timeZone, at);
    offsets.set(key, hours);
  }
  return hours;
}

function computeOffsetHours(timeZone: string, at: Date): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const hours = Number(match[2]) + Number(match[3] ?? 0) / 60;
  return match[1] === '-' ? -hours : hours;
}
