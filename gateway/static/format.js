// Human-readable numbers, times and durations.

const numberFormat = new Intl.NumberFormat();

export function count(value) {
  return numberFormat.format(Number(value) || 0);
}

export function dateTime(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return date.toLocaleString(undefined, {
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit",
  });
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m) return `${m}m ${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}

export function rate(rowsPerSecond) {
  if (!Number.isFinite(rowsPerSecond) || rowsPerSecond <= 0) return "—";
  return rowsPerSecond >= 10 ? `${Math.round(rowsPerSecond)} rows/s`
    : `${rowsPerSecond.toFixed(1)} rows/s`;
}

export function bytes(size) {
  const n = Number(size) || 0;
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const STATUS_LABELS = {
  created: "Created",
  queued: "Queued",
  running: "Running",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

export const FINAL_STATUSES = new Set(["completed", "failed", "cancelled"]);
