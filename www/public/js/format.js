// Formatting of amounts, dates and error messages for display.

const LOCALE = (typeof navigator !== 'undefined' && navigator.language) || 'en-US';
const formatters = new Map();

function currencyFormatter(currency) {
  const key = currency.toUpperCase();
  if (!formatters.has(key)) {
    let f;
    try {
      f = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: key });
    } catch {
      f = null; // not an ISO 4217 code the platform knows
    }
    formatters.set(key, f);
  }
  return formatters.get(key);
}

/**
 * An amount in the currency's smallest unit (satang, cent; yen has none) as money text:
 * formatMoney(123456, 'thb') -> 'THB 1,234.56' (locale-dependent), formatMoney(5000, 'jpy')
 * -> '¥5,000'. The number of decimals comes from Intl (JPY 0, THB/USD/SGD 2).
 */
export function formatMoney(amount, currency) {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return '—';
  const f = currency ? currencyFormatter(currency) : null;
  if (!f) return `${amount} ${currency ? String(currency).toUpperCase() : ''}`.trim();
  const digits = f.resolvedOptions().maximumFractionDigits;
  return f.format(amount / 10 ** digits);
}

const dateFormatter = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO 8601 string as a readable local date and time; '—' when absent. */
export function formatDate(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return dateFormatter.format(d);
}

/** A readable sentence for any rejection of the library (switching on `name`). */
export function describeError(e) {
  if (!e || typeof e !== 'object') return `Something went wrong: ${String(e)}`;
  switch (e.name) {
    case 'OmiseApiError': {
      const what = e.status === 404 ? 'was not found'
        : e.status === 401 ? 'was refused: the server\'s API key is not accepted'
        : e.status >= 500 ? 'failed on the server'
        : 'was refused';
      const detail = e.message ? `: ${e.message}` : '';
      return `The request ${what} (HTTP ${e.status}${e.code ? `, ${e.code}` : ''})${detail}`;
    }
    case 'OmiseNetworkError':
      if (e.code === 'malformed_response') {
        return `The server sent an answer that is not what the Omise API sends${e.status ? ` (HTTP ${e.status})` : ''}.`;
      }
      return 'Could not reach the payment service (check your connection and that the demo server is running).';
    case 'OmiseTimeoutError':
      return `The payment service did not answer within ${Math.round((e.timeoutMs || 0) / 1000)} s.`;
    case 'OmiseValidationError':
      return e.message || `Invalid input (${e.code})`;
    case 'AbortError':
      return 'Cancelled.';
    default:
      return e.message || String(e);
  }
}

/** Messages for the upload validation codes, shown next to the file field. */
export function describeFileError(e) {
  switch (e.code) {
    case 'file_too_large': return 'This file is larger than 10 MB. Choose a smaller PDF, PNG or JPEG file.';
    case 'unsupported_file_type': return 'This file is not a PDF, PNG or JPEG document (its contents were checked, not just its name).';
    case 'empty_file': return 'This file is empty.';
    case 'unreadable_file': return 'This file could not be read.';
    default: return describeError(e);
  }
}

/** 'reverse_chronological' -> 'Reverse chronological'; other snake_case the same way. */
export function humanize(s) {
  if (s == null) return '—';
  const t = String(s).replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
