/** Caps for what the summary lists; counts are always complete. */
export const SUMMARY_LIMITS = { violations: 500, blocking: 50, worstFiles: 10 } as const;
