/**
 * The ledger of marks. Its format (types, serialise, parse; no Office calls) lives in core/plan/ledger.ts,
 * shared with the .xlsx host, so either host clears the other's marks; the Office host imports it from here.
 */
export * from '../../core/plan/ledger';
