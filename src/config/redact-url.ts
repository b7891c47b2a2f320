/**
 * A connection URL fit for a log line: its scheme, host, port and path. A user name or password
 * becomes `***@` and a query string `?***` (drivers take `?password=` and `?sslkey=` there too).
 * A value that does not parse as a URL with a host is not shown at all: where its secret sits
 * cannot be told.
 */
export function redactUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return '(not shown: not a valid URL)';
  }
  if (!url.host) return '(not shown: not a valid URL)';
  const credentials = url.username || url.password ? '***@' : '';
  const query = url.search ? '?***' : '';
  return `${url.protocol}//${credentials}${url.host}${url.pathname}${query}`;
}
