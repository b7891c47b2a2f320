/** USPS two-letter codes of the states, the District of Columbia and the territories and military addresses a US claim may carry. */
export const US_STATE_CODES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'AS',
  'GU',
  'MP',
  'PR',
  'VI',
  'UM',
  'AA',
  'AE',
  'AP',
] as const;

/** A ZIP code: five digits, or ZIP+4 with or without its dash. */
export const US_ZIP = /^\d{5}(-?\d{4})?$/;

/** The ZIP as X12 N403 wants it: digits only (5 or 9). */
export const zipDigits = (zip: string) => zip.replace('-', '');

/**
 * Free text that may go into an X12 element: printable, none of the 837P's delimiters (`~ * : ^`),
 * no line breaks. Names, street lines, payer names.
 */
export const X12_TEXT = /^[A-Za-z0-9 .,'&#/()@+-]+$/;

/** An employer identification number: nine digits, with or without the dash after the second. */
export const EIN = /^\d{2}-?\d{7}$/;

/** A NUCC health care provider taxonomy code: ten characters, the last an X (207Q00000X). */
export const TAXONOMY = /^[0-9]{3}[0-9A-Z]{6}X$/;
